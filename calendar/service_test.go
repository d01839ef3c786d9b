package calendar_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

var who = audit.Actor{Name: "test"}

func d(s string) calendar.Date {
	v, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func newService(t *testing.T, db *store.DB) *calendar.Service {
	t.Helper()
	s := calendar.NewService(db, clock.NewFake(time.Date(2026, 2, 13, 9, 0, 0, 0, time.UTC)), time.UTC)
	t.Cleanup(s.Close)
	if err := s.Seed(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSeedOnceAndCompute(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		infos, err := s.Infos(ctx)
		if err != nil || len(infos) != 2 || infos[0].Year != 2025 || infos[1].Source != calendar.SourceBuiltin {
			t.Fatalf("infos after seed: %+v %v", infos, err)
		}
		// A 7-working-day 公示 published on Friday 2026-02-13, the last
		// working day before the Spring Festival: make-up Saturday 02-14
		// counts, 02-15..02-23 are off, so it ends on Monday 2026-03-02.
		end, err := s.End(ctx, d("2026-02-13"), calendar.Period{N: 7, Unit: calendar.UnitWorkdays})
		if err != nil || end != d("2026-03-02") {
			t.Fatalf("end = %s, %v", end, err)
		}
		// Deleting a year and seeding again does not bring it back.
		if _, err := s.DeleteYear(ctx, who, 2025); err != nil {
			t.Fatal(err)
		}
		if err := s.Seed(ctx); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.Year(ctx, 2025); ok {
			t.Fatal("a deleted builtin year came back on the next start")
		}
		// A year without a list counts on its statutory holidays: 2025-12-30
		// plus 3 working days skips 元旦 2026 (the 2026 list: 1-3 January).
		end, err = s.End(ctx, d("2025-12-30"), calendar.Period{N: 3, Unit: calendar.UnitWorkdays})
		if err != nil || end != d("2026-01-05") {
			t.Fatalf("end across a deleted year: %s %v", end, err)
		}
		// The cached calendar follows the deletion, and says it is provisional.
		cal, _ := s.Calendar(ctx)
		if cal.Covers(d("2025-06-01")) || !cal.Provisional(d("2025-12-30"), end) {
			t.Fatal("cache still covers the deleted year")
		}
	}, audit.Migrations, calendar.Migrations)
}

func TestEditDaysAndImport(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		// Make 2026-03-02 a holiday: the 公示 above now ends a day later.
		if _, err := s.SetDay(ctx, who, calendar.Day{Name: "测试假日", Date: d("2026-03-02"), IsOffDay: true}); err != nil {
			t.Fatal(err)
		}
		p := calendar.Period{N: 7, Unit: calendar.UnitWorkdays}
		if end, err := s.End(ctx, d("2026-02-13"), p); err != nil || end != d("2026-03-03") {
			t.Fatalf("after edit: %s %v", end, err)
		}
		if _, err := s.DeleteDay(ctx, who, d("2026-03-02")); err != nil {
			t.Fatal(err)
		}
		if end, _ := s.End(ctx, d("2026-02-13"), p); end != d("2026-03-02") {
			t.Fatalf("after delete: %s", end)
		}
		// A day in a year without a list is refused, naming the field.
		_, err := s.SetDay(ctx, who, calendar.Day{Name: "元旦", Date: d("2027-01-01"), IsOffDay: true})
		var we *web.Error
		if !errors.As(err, &we) || we.Field != "date" {
			t.Fatalf("day of an unknown year: %v", err)
		}
		if _, err := s.SetDay(ctx, who, calendar.Day{Name: "", Date: d("2026-03-05"), IsOffDay: true}); !errors.As(err, &we) || we.Field != "name" {
			t.Fatalf("empty name: %v", err)
		}
		// A make-up working day on a weekday, or a statutory day made a
		// working day, would leave the list incomplete: refused.
		if _, err := s.SetDay(ctx, who, calendar.Day{Name: "上班", Date: d("2026-03-05"), IsOffDay: false}); !errors.As(err, &we) || we.Code != calendar.CodeMakeUpWeekday {
			t.Fatalf("make-up weekday: %v", err)
		}
		if _, err := s.SetDay(ctx, who, calendar.Day{Name: "春节", Date: d("2026-02-17"), IsOffDay: false}); !errors.As(err, &we) || we.Status != http.StatusBadRequest {
			t.Fatalf("春节 made a working day: %v", err)
		}
		if _, err := s.DeleteDay(ctx, who, d("2026-02-17")); !errors.As(err, &we) || we.Code != calendar.CodeFestivalMissing || we.Params["festival"] != "春节" {
			t.Fatalf("春节 day deleted: %v", err)
		}
		if _, err := s.DeleteDay(ctx, who, d("2026-10-02")); !errors.As(err, &we) || we.Code != calendar.CodeFestivalMissing {
			t.Fatalf("国庆 day deleted: %v", err)
		}
		// A 2027 list with only 元旦 is refused, naming 春节 (the example).
		y, err := calendar.ParseHolidayCN(strings.NewReader(`{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}`))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Import(ctx, who, y); !errors.As(err, &we) || we.Field != "days" || we.Params["festival"] != "春节" || !strings.Contains(we.Message, "春节") {
			t.Fatalf("incomplete 2027 list: %v", err)
		}
		// A complete one makes it covered.
		y, _ = calendar.Statutory(2027)
		if _, err := s.Import(ctx, who, y); err != nil {
			t.Fatal(err)
		}
		if end, err := s.End(ctx, d("2026-12-31"), calendar.Period{N: 1, Unit: calendar.UnitWorkdays}); err != nil || end != d("2027-01-04") {
			t.Fatalf("across into 2027: %s %v", end, err)
		}
		if cal, _ := s.Calendar(ctx); !cal.Covers(d("2027-01-01")) || cal.Provisional(d("2026-12-31"), d("2027-01-04")) {
			t.Fatal("2027 imported but not covered")
		}
		rows, _ := audit.List(ctx, db, audit.Filter{Action: "calendar."})
		if len(rows) != 3 { // set, delete, import; refused changes leave no entry
			t.Fatalf("audit entries: %d", len(rows))
		}
	}, audit.Migrations, calendar.Migrations)
}

func TestOtherInstanceSeesEdits(t *testing.T) {
	u := storetest.PostgresURL(t)
	ctx := context.Background()
	open := func() *store.DB {
		db, err := store.Open(ctx, store.Options{URL: u, BusChannel: storetest.Channel(u)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	a, b := open(), open()
	if _, err := a.Migrate(ctx, audit.Migrations, calendar.Migrations); err != nil {
		t.Fatal(err)
	}
	sa, sb := newService(t, a), newService(t, b)
	cal, _ := sb.Calendar(ctx) // cached on b
	if ok, _ := cal.IsWorkday(d("2026-03-04")); !ok {
		t.Fatal("2026-03-04 should be a working day")
	}
	if _, err := sa.SetDay(ctx, who, calendar.Day{Name: "停工", Date: d("2026-03-04"), IsOffDay: true}); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		cal, err := sb.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if ok, _ := cal.IsWorkday(d("2026-03-04")); !ok {
			break
		}
		if i > 200 {
			t.Fatal("instance b never saw the edit")
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// Next year's list is reported missing from 1 November; this year's
// always.
func TestStatusFromNovember(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		tests := []struct {
			today   string
			missing []int
		}{
			{"2026-10-31", []int{}},
			{"2026-11-01", []int{2027}},
			{"2026-12-31", []int{2027}},
			{"2027-01-04", []int{2027}},
			{"2027-11-01", []int{2027, 2028}},
			{"2025-11-01", []int{}},
		}
		for _, tt := range tests {
			st, err := s.StatusOn(ctx, d(tt.today))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(st.Missing) != fmt.Sprint(tt.missing) {
				t.Errorf("%s: missing %v, want %v", tt.today, st.Missing, tt.missing)
			}
		}
	}, audit.Migrations, calendar.Migrations)
}
