package status_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display/status"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

var start = time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC)

func migrations() []store.Migrations {
	return []store.Migrations{audit.Migrations, auth.Migrations, device.Migrations, status.Migrations}
}

// addScreen inserts a claimed screen device and returns it.
func addScreen(t *testing.T, db *store.DB, name string, at time.Time) device.Device {
	t.Helper()
	d := device.Device{Kind: device.KindScreen, Name: name, CreatedAt: at}
	if err := db.Tx(context.Background(), func(tx *store.Tx) error {
		return tx.Get(context.Background(), &d.ID, "INSERT INTO devices (kind, name, created_at, claimed_at) VALUES ('screen', ?, ?, ?) RETURNING id", name, at, at)
	}); err != nil {
		t.Fatal(err)
	}
	return d
}

func find(t *testing.T, rep *status.Report, id int64) status.Screen {
	t.Helper()
	for _, s := range rep.Screens {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("screen %d not in the report", id)
	return status.Screen{}
}

func report(t *testing.T, tr *status.Tracker) *status.Report {
	t.Helper()
	rep, err := tr.Report(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The metrics' lean count must agree with the report every time.
	online, flagged, err := tr.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if online != rep.Online || flagged != rep.Flagged {
		t.Fatalf("Counts = %d online, %d flagged; Report = %d, %d", online, flagged, rep.Online, rep.Flagged)
	}
	// So must the receipts' Online, screen by screen.
	ids := make([]int64, len(rep.Screens))
	for i, s := range rep.Screens {
		ids[i] = s.ID
	}
	on, err := tr.Online(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range rep.Screens {
		if on[s.ID] != s.Online {
			t.Fatalf("Online says %v for screen %d, Report %v", on[s.ID], s.ID, s.Online)
		}
	}
	return rep
}

func TestFlushAndOfflineFlag(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fake := clock.NewFake(start)
		a := status.New(db, status.Options{Clock: fake})
		east := addScreen(t, db, "东侧条屏", start)
		west := addScreen(t, db, "西侧大屏", start)
		never := addScreen(t, db, "电梯口竖屏", start)
		kiosk := device.Device{}
		if err := db.Tx(ctx, func(tx *store.Tx) error {
			return tx.Get(ctx, &kiosk.ID, "INSERT INTO devices (kind, name, created_at) VALUES ('kiosk', 'k', ?) RETURNING id", start)
		}); err != nil {
			t.Fatal(err)
		}

		a.Connected(east, "10.0.0.5:5000")
		a.Connected(west, "10.0.0.6:5000")
		fake.Advance(30 * time.Second)
		a.Heartbeat(east.ID, json.RawMessage(`{"item":"n42","version":"v1","resolution":"256x32","client":"1.0.0","uptime_s":3600,"power":"on"}`))
		a.Heartbeat(west.ID, json.RawMessage(`{not json`))

		// Live state is visible before any flush; nothing is in the table yet.
		rep := report(t, a)
		if rep.Total != 3 || rep.Online != 2 || rep.Offline != 1 || rep.Flagged != 0 {
			t.Fatalf("counts = %+v", rep)
		}
		if s := find(t, rep, east.ID); !s.Online || !s.Here || s.Item != "n42" || s.Resolution != "256x32" || s.UptimeS != 3600 || s.Power != "on" {
			t.Fatalf("east = %+v", s)
		}
		var n int
		if err := db.Get(ctx, &n, "SELECT COUNT(*) FROM screen_status"); err != nil || n != 0 {
			t.Fatalf("rows before flush = %d, %v", n, err)
		}

		// After a flush, another instance sees the same from the table.
		if err := a.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		b := status.New(db, status.Options{Clock: fake})
		s := find(t, report(t, b), east.ID)
		if !s.Online || s.Here || s.Item != "n42" || s.Client != "1.0.0" || s.LastSeen == nil || !s.LastSeen.Equal(start.Add(30*time.Second)) {
			t.Fatalf("east seen from b = %+v", s)
		}

		// Six minutes without a connection: the never-connected screen is flagged.
		fake.Advance(6 * time.Minute)
		rep = report(t, b)
		if s := find(t, rep, never.ID); s.Online || !s.Flagged || !s.Never {
			t.Fatalf("never = %+v", s)
		}
		// a's screens are still connected to a; b sees them stale (a died?)
		// until a flushes again.
		if rep.Online != 0 {
			t.Fatalf("b counts stale rows online: %+v", rep)
		}
		a.Heartbeat(east.ID, json.RawMessage(`{"item":"n43"}`))
		a.Heartbeat(west.ID, json.RawMessage(`{"item":"w-clock"}`))
		if err := a.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if rep := report(t, b); rep.Online != 2 || rep.Flagged != 1 {
			t.Fatalf("after flush: %+v", rep)
		}

		// West disconnects: written offline at once, flagged after 5 minutes.
		a.Disconnected(west.ID)
		if err := a.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if s := find(t, report(t, b), west.ID); s.Online || s.Flagged || s.Item != "w-clock" {
			t.Fatalf("west just offline = %+v", s)
		}
		fake.Advance(5*time.Minute + time.Second)
		a.Heartbeat(east.ID, json.RawMessage(`{"item":"n44"}`))
		rep = report(t, a)
		if s := find(t, rep, west.ID); s.Online || !s.Flagged || s.OfflineS != 301 {
			t.Fatalf("west later = %+v", s)
		}
		if rep.Online != 1 || rep.Flagged != 2 || rep.Total != 3 {
			t.Fatalf("counts = %+v", rep)
		}

		// A late disconnect write from a does not hide a reconnect to b.
		b.Connected(east, "10.0.0.5:6000")
		if err := b.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		a.Disconnected(east.ID)
		if err := a.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		var online bool
		if err := db.Get(ctx, &online, "SELECT online FROM screen_status WHERE device_id = ?", east.ID); err != nil || !online {
			t.Fatalf("east online = %v, %v", online, err)
		}
		// Closing b marks its screens offline.
		b.Close(ctx)
		if err := db.Get(ctx, &online, "SELECT online FROM screen_status WHERE device_id = ?", east.ID); err != nil || online {
			t.Fatalf("east online after close = %v, %v", online, err)
		}
	}, migrations()...)
}

// TestReconnect: a reconnect replaces the connection; a disconnect
// takes the screen offline; late frames are ignored.
func TestReconnect(t *testing.T) {
	db := storetest.SQLite(t, migrations()...)
	fake := clock.NewFake(start)
	tr := status.New(db, status.Options{Clock: fake})
	d := addScreen(t, db, "屏", start)
	tr.Connected(d, "a")
	tr.Connected(d, "b")
	if s := find(t, report(t, tr), d.ID); !s.Online || s.Remote != "b" {
		t.Fatalf("screen = %+v", s)
	}
	tr.Disconnected(d.ID)
	tr.Disconnected(d.ID) // extra calls are harmless
	tr.Heartbeat(d.ID, json.RawMessage(`{}`))
	if s := find(t, report(t, tr), d.ID); s.Online {
		t.Fatalf("screen = %+v", s)
	}
}

// TestConcurrentHeartbeats runs many screens' heartbeats against the
// running flusher (go test -race).
func TestConcurrentHeartbeats(t *testing.T) {
	db := storetest.SQLite(t, migrations()...)
	fake := clock.NewFake(start)
	tr := status.New(db, status.Options{Clock: fake, FlushEvery: time.Second})
	tr.Start()
	var devs []device.Device
	for i := range 50 {
		devs = append(devs, addScreen(t, db, fmt.Sprintf("屏%02d", i), start))
	}
	var wg sync.WaitGroup
	for _, d := range devs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr.Connected(d, "x")
			for i := range 20 {
				tr.Heartbeat(d.ID, json.RawMessage(fmt.Sprintf(`{"item":"n%d","uptime_s":%d}`, i, i)))
				if i%5 == 0 {
					fake.Advance(time.Second)
				}
			}
			if d.ID%2 == 0 {
				tr.Disconnected(d.ID)
			}
		}()
	}
	wg.Wait()
	ctx := context.Background()
	tr.Close(ctx)
	var rows []struct {
		ID     int64  `db:"device_id"`
		Item   string `db:"item"`
		Online bool   `db:"online"`
	}
	if err := db.Select(ctx, &rows, "SELECT device_id, item, online FROM screen_status"); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(devs) {
		t.Fatalf("%d rows, want %d", len(rows), len(devs))
	}
	for _, r := range rows {
		if r.Item != "n19" || r.Online {
			t.Fatalf("row %+v", r)
		}
	}
}

// countingTitles stands in for the notice package's read API and counts
// how often it is asked.
type countingTitles struct {
	mu    sync.Mutex
	calls int
}

func (c *countingTitles) Titles(_ context.Context, ids []int64) (map[int64]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	out := map[int64]string{}
	for _, id := range ids {
		if id == 42 {
			out[id] = "关于2026年低保初审名单的公示"
		}
	}
	return out, nil
}

func TestItemTitles(t *testing.T) {
	db := storetest.SQLite(t, migrations()...)
	fake := clock.NewFake(start)
	titles := &countingTitles{}
	tr := status.New(db, status.Options{Clock: fake, Titles: titles})
	a, b, c := addScreen(t, db, "甲", start), addScreen(t, db, "乙", start), addScreen(t, db, "丙", start)
	for _, d := range []device.Device{a, b, c} {
		tr.Connected(d, "")
	}
	tr.Heartbeat(a.ID, json.RawMessage(`{"item":"n42"}`))
	tr.Heartbeat(b.ID, json.RawMessage(`{"item":"w-countdown-42"}`))
	tr.Heartbeat(c.ID, json.RawMessage(`{"item":"n7"}`))
	for range 3 {
		rep := report(t, tr)
		if find(t, rep, a.ID).ItemTitle != "关于2026年低保初审名单的公示" || find(t, rep, b.ID).ItemTitle != "关于2026年低保初审名单的公示" ||
			find(t, rep, c.ID).ItemTitle != "" {
			t.Fatalf("titles: %+v", rep.Screens)
		}
	}
	if titles.calls != 1 {
		t.Fatalf("titles read %d times, want once within a minute", titles.calls)
	}
	fake.Advance(2 * time.Minute)
	report(t, tr)
	if titles.calls != 2 {
		t.Fatalf("titles read %d times, want again after a minute", titles.calls)
	}
}
