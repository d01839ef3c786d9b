package proof_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display/proof"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestRecordSpeed measures (HALLCAST_BENCH=1) recording "played" frames
// of 100 items, then the roll-up and the report of a day of 200 000 plays
// (200 screens, 20 notices):
//
//	HALLCAST_BENCH=1 go test ./display/proof -run TestRecordSpeed -v
func TestRecordSpeed(t *testing.T) {
	if os.Getenv("HALLCAST_BENCH") != "1" {
		t.Skip("set HALLCAST_BENCH=1 to measure")
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := setup(t, db)
		const screens, perScreen = 200, 1000
		ids := append([]int64(nil), f.screens...)
		if err := db.Tx(ctx, func(tx *store.Tx) error {
			for i := len(ids); i < screens; i++ {
				var id int64
				if err := tx.Get(ctx, &id, "INSERT INTO devices (kind, name, created_at) VALUES ('screen', ?, ?) RETURNING id", fmt.Sprintf("屏%d", i), f.clock.Now()); err != nil {
					return err
				}
				ids = append(ids, id)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		yesterday := time.Date(2026, 11, 22, 8, 0, 0, 0, shanghai)
		frames := make([]json.RawMessage, 0, screens*perScreen/100)
		for range screens {
			for k := 0; k < perScreen; k += 100 {
				items := make([]map[string]any, 100)
				for i := range items {
					n := int64((k+i)%20 + 1)
					items[i] = map[string]any{"key": fmt.Sprintf("n%d", n), "notice_id": n, "start": yesterday.Add(time.Duration(k+i) * 12 * time.Second), "duration_ms": 12000}
				}
				b, _ := json.Marshal(map[string]any{"items": items})
				frames = append(frames, b)
			}
		}
		began := time.Now()
		for i, fr := range frames {
			if err := f.svc.Record(ctx, ids[i/(perScreen/100)], fr); err != nil {
				t.Fatal(err)
			}
		}
		record := time.Since(began)
		// Small frames: 5 plays each, as a screen sending once a minute.
		small := make([]json.RawMessage, 0, 1000)
		today := time.Date(2026, 11, 23, 7, 0, 0, 0, shanghai)
		for k := range 1000 {
			items := make([]map[string]any, 5)
			for i := range items {
				items[i] = map[string]any{"key": "n1", "notice_id": 1, "start": today.Add(time.Duration(k*5+i) * time.Second), "duration_ms": 12000}
			}
			b, _ := json.Marshal(map[string]any{"items": items})
			small = append(small, b)
		}
		began = time.Now()
		for i, fr := range small {
			if err := f.svc.Record(ctx, ids[i%screens], fr); err != nil {
				t.Fatal(err)
			}
		}
		smallEach := time.Since(began) / time.Duration(len(small))
		began = time.Now()
		if err := f.svc.Rollup(ctx, calendar.Date{Year: 2026, Month: 11, Day: 22}); err != nil {
			t.Fatal(err)
		}
		rollup := time.Since(began)
		began = time.Now()
		rep, err := f.svc.Report(ctx, calendar.Date{Year: 2026, Month: 10, Day: 25}, calendar.Date{Year: 2026, Month: 11, Day: 23}, 0)
		if err != nil || rep.Plays != screens*perScreen+5000 {
			t.Fatalf("report: %d plays, %v", rep.Plays, err)
		}
		report := time.Since(began)
		t.Logf("%s: %d frames of 100 plays in %v (%v a frame); a frame of 5 plays %v; roll-up of %d plays %v; 30-day report %v", db.Dialect(), len(frames),
			record, record/time.Duration(len(frames)), smallEach, screens*perScreen, rollup, report)
	}, audit.Migrations, auth.Migrations, device.Migrations, proof.Migrations)
}
