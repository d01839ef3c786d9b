package proof_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display/proof"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

// titles stands in for the notice package's read API.
type titles map[int64]string

func (t titles) Titles(_ context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for _, id := range ids {
		if v, ok := t[id]; ok {
			out[id] = v
		}
	}
	return out, nil
}

type fixture struct {
	db      *store.DB
	svc     *proof.Service
	clock   *clock.Fake
	screens []int64
}

func setup(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	f := &fixture{db: db, clock: clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, shanghai))}
	f.svc = proof.New(proof.Options{DB: db, Clock: f.clock, Location: shanghai,
		Titles: titles{42: "关于2026年低保初审名单的公示", 7: "办事指南"}})
	ctx := context.Background()
	for i := range 2 {
		var id int64
		if err := db.Tx(ctx, func(tx *store.Tx) error {
			return tx.Get(ctx, &id, "INSERT INTO devices (kind, name, created_at) VALUES ('screen', ?, ?) RETURNING id",
				fmt.Sprintf("屏%d", i), f.clock.Now())
		}); err != nil {
			t.Fatal(err)
		}
		f.screens = append(f.screens, id)
	}
	return f
}

// at is a local time on 2026-11-<day>.
func at(day, hour, minute int) string {
	return time.Date(2026, 11, day, hour, minute, 0, 0, shanghai).Format(time.RFC3339)
}

func frame(items ...string) json.RawMessage {
	return json.RawMessage(`{"items":[` + strings.Join(items, ",") + `]}`)
}

func item(key string, notice int64, start string, ms int) string {
	return fmt.Sprintf(`{"key":%q,"notice_id":%d,"start":%q,"duration_ms":%d}`, key, notice, start, ms)
}

func (f *fixture) count(t *testing.T, q string) int {
	t.Helper()
	var n int
	if err := f.db.Get(context.Background(), &n, q); err != nil {
		t.Fatal(err)
	}
	return n
}

func (f *fixture) daily(t *testing.T, day string) map[int64]proof.Daily {
	t.Helper()
	var rows []proof.Daily
	if err := f.db.Select(context.Background(), &rows, "SELECT day, notice_id, plays, total_ms, screens FROM proof_daily WHERE day = ?", day); err != nil {
		t.Fatal(err)
	}
	out := map[int64]proof.Daily{}
	for _, r := range rows {
		out[r.NoticeID] = r
	}
	return out
}

func TestRecordRollupReport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := setup(t, db)
		a, b := f.screens[0], f.screens[1]
		first := frame(item("n42", 42, at(22, 10, 0), 12000), item("n42", 42, at(22, 10, 1), 12000),
			item("n7", 7, at(22, 10, 2), 8000), item("w-clock", 0, at(22, 10, 3), 10000))
		if err := f.svc.Record(ctx, a, first); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.Record(ctx, a, first); err != nil { // sent again after a lost ack
			t.Fatal(err)
		}
		// 23:59 local on the 22nd is still the 22nd (15:59 UTC).
		if err := f.svc.Record(ctx, b, frame(item("n42", 42, at(22, 23, 59), 12000), item("n42", 42, at(23, 8, 0), 12000))); err != nil {
			t.Fatal(err)
		}
		if n := f.count(t, "SELECT COUNT(*) FROM screen_plays"); n != 6 {
			t.Fatalf("%d plays stored, want 6", n)
		}

		days, err := f.svc.RollupDue(ctx)
		if err != nil || len(days) != 1 || days[0] != "2026-11-22" {
			t.Fatalf("RollupDue = %v, %v", days, err)
		}
		want := map[int64]proof.Daily{
			42: {Day: "2026-11-22", NoticeID: 42, Plays: 3, TotalMS: 36000, Screens: 2},
			7:  {Day: "2026-11-22", NoticeID: 7, Plays: 1, TotalMS: 8000, Screens: 1},
		}
		if got := f.daily(t, "2026-11-22"); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("daily = %v, want %v", got, want)
		}
		// Idempotent: again the same, and nothing is due any more.
		if err := f.svc.Rollup(ctx, calendar.Date{Year: 2026, Month: 11, Day: 22}); err != nil {
			t.Fatal(err)
		}
		if got := f.daily(t, "2026-11-22"); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("daily after re-run = %v", got)
		}
		if days, err := f.svc.RollupDue(ctx); err != nil || len(days) != 0 {
			t.Fatalf("RollupDue again = %v, %v", days, err)
		}

		// A late play of the 22nd reopens the day.
		if err := f.svc.Record(ctx, b, frame(item("n7", 7, at(22, 11, 0), 8000))); err != nil {
			t.Fatal(err)
		}
		if days, err := f.svc.RollupDue(ctx); err != nil || len(days) != 1 {
			t.Fatalf("RollupDue after a late play = %v, %v", days, err)
		}
		if got := f.daily(t, "2026-11-22")[7]; got.Plays != 2 || got.Screens != 2 {
			t.Fatalf("notice 7 = %+v", got)
		}

		// The report: the 22nd from the aggregates, today live, with titles.
		rep, err := f.svc.Report(ctx, calendar.Date{Year: 2026, Month: 11, Day: 20}, calendar.Date{Year: 2026, Month: 11, Day: 23}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Rows) != 3 || rep.Plays != 6 || rep.TotalS != 64 {
			t.Fatalf("report = %+v", rep)
		}
		top := rep.Rows[0]
		if top.Day != "2026-11-23" || top.NoticeID != 42 || !top.Live || top.Plays != 1 || top.Title != "关于2026年低保初审名单的公示" {
			t.Fatalf("first row = %+v", top)
		}
		if r := rep.Rows[1]; r.Day != "2026-11-22" || r.NoticeID != 42 || r.Live || r.TotalS != 36 || r.Screens != 2 {
			t.Fatalf("second row = %+v", r)
		}
		one, err := f.svc.Report(ctx, calendar.Date{Year: 2026, Month: 11, Day: 22}, calendar.Date{Year: 2026, Month: 11, Day: 23}, 7)
		if err != nil || len(one.Rows) != 1 || one.Rows[0].Title != "办事指南" {
			t.Fatalf("notice 7 report = %+v, %v", one, err)
		}

		// The workbook holds the same numbers under Chinese headers.
		data, err := rep.XLSX()
		if err != nil {
			t.Fatal(err)
		}
		wb, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := wb.GetRows("每日明细")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 4 || strings.Join(rows[0], ",") != "日期,信息编号,信息标题,播放次数,播放时长（秒）,屏幕数" ||
			strings.Join(rows[2], ",") != "2026-11-22,42,关于2026年低保初审名单的公示,3,36,2" {
			t.Fatalf("daily sheet = %q", rows)
		}
		sum, err := wb.GetRows("按信息汇总")
		if err != nil || len(sum) != 3 || strings.Join(sum[1], ",") != "42,关于2026年低保初审名单的公示,4,48,2" {
			t.Fatalf("summary sheet = %q, %v", sum, err)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, proof.Migrations)
}

func TestRecordRefusesBadFrames(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := setup(t, db)
		many := make([]string, proof.MaxItems+1)
		for i := range many {
			many[i] = item(fmt.Sprintf("n%d", i), 1, at(23, 8, 0), 1000)
		}
		for _, c := range []struct {
			name, field string
			data        json.RawMessage
		}{
			{"not JSON", "items", json.RawMessage(`{"items":[`)},
			{"no data", "items", nil},
			{"wrong type", "items", json.RawMessage(`{"items":"n42"}`)},
			{"no items", "items", frame()},
			{"too many", "items", frame(many...)},
			{"no key", "items[1].key", frame(item("n1", 1, at(23, 8, 0), 1000), item(" ", 1, at(23, 8, 0), 1000))},
			{"long key", "items[0].key", frame(item(strings.Repeat("k", 65), 1, at(23, 8, 0), 1000))},
			{"negative notice", "items[0].notice_id", frame(item("n1", -1, at(23, 8, 0), 1000))},
			{"no start", "items[0].start", json.RawMessage(`{"items":[{"key":"n1","duration_ms":5}]}`)},
			{"bad start", "items", json.RawMessage(`{"items":[{"key":"n1","start":"yesterday","duration_ms":5}]}`)},
			{"future", "items[0].start", frame(item("n1", 1, at(23, 10, 0), 1000))},
			{"too old", "items[0].start", frame(item("n1", 1, "2026-10-01T08:00:00+08:00", 1000))},
			{"zero duration", "items[0].duration_ms", frame(item("n1", 1, at(23, 8, 0), 0))},
			{"long duration", "items[0].duration_ms", frame(item("n1", 1, at(23, 8, 0), 3600001))},
		} {
			err := f.svc.Record(context.Background(), f.screens[0], c.data)
			var we *web.Error
			if !errors.As(err, &we) || we.Field != c.field {
				t.Errorf("%s: err = %v, want a field error on %s", c.name, err, c.field)
			}
		}
		if n := f.count(t, "SELECT COUNT(*) FROM screen_plays"); n != 0 {
			t.Fatalf("%d plays stored from bad frames", n)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, proof.Migrations)
}

func TestPrune(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := setup(t, db)
		for d := 20; d <= 23; d++ {
			if err := f.svc.Record(ctx, f.screens[0], frame(item("n42", 42, at(d, 8, 0), 10000), item("n42", 42, at(d, 8, 1), 10000))); err != nil {
				t.Fatal(err)
			}
		}
		// 90 days later (the default retention) the 20th–22nd are past it.
		f.clock.Advance(90*24*time.Hour + 3*time.Hour)
		if days, err := f.svc.RollupDue(ctx); err != nil || len(days) != 90 || days[0] != "2026-11-23" {
			t.Fatalf("RollupDue = %d days from %v, %v", len(days), days, err)
		}
		n, err := f.svc.Prune(ctx)
		if err != nil || n != 6 {
			t.Fatalf("Prune = %d, %v; want 6", n, err)
		}
		if left := f.count(t, "SELECT COUNT(*) FROM screen_plays"); left != 2 {
			t.Fatalf("%d plays left, want the 23rd's 2", left)
		}
		if got := f.daily(t, "2026-11-23")[42]; got.Plays != 2 {
			t.Fatalf("aggregate of the 23rd = %+v", got)
		}
		// A play of a pruned day is refused: it would reopen a day whose
		// plays are gone.
		if err := f.svc.Record(ctx, f.screens[0], frame(item("n42", 42, at(22, 8, 0), 10000))); err == nil {
			t.Fatal("a play past the retention was taken")
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, proof.Migrations)
}
