package status_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display/status"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestFlushSpeed measures (HALLCAST_BENCH=1) one flush of 5000 screens
// that all sent a heartbeat since the last one, the worst case of the 15 s
// flush, and the status report over them:
//
//	HALLCAST_BENCH=1 go test ./display/status -run TestFlushSpeed -v
func TestFlushSpeed(t *testing.T) {
	if os.Getenv("HALLCAST_BENCH") != "1" {
		t.Skip("set HALLCAST_BENCH=1 to measure")
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fake := clock.NewFake(start)
		tr := status.New(db, status.Options{Clock: fake})
		const n = 5000
		devs := make([]device.Device, 0, n)
		if err := db.Tx(ctx, func(tx *store.Tx) error {
			for i := range n {
				dv := device.Device{Kind: device.KindScreen, Name: fmt.Sprintf("屏%04d", i)}
				if err := tx.Get(ctx, &dv.ID, "INSERT INTO devices (kind, name, created_at) VALUES ('screen', ?, ?) RETURNING id", dv.Name, start); err != nil {
					return err
				}
				devs = append(devs, dv)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for _, dv := range devs {
			tr.Connected(dv, "10.0.0.1:1")
		}
		hb := json.RawMessage(`{"item":"n42","version":"b3f1c2d4e5","resolution":"256x32","client":"1.0.0","uptime_s":3600,"power":"on"}`)
		flush := testing.Benchmark(func(b *testing.B) {
			for b.Loop() {
				fake.Advance(time.Second)
				for _, dv := range devs {
					tr.Heartbeat(dv.ID, hb)
				}
				if err := tr.Flush(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
		heartbeat := testing.Benchmark(func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				tr.Heartbeat(devs[i%n].ID, hb)
			}
		})
		report := testing.Benchmark(func(b *testing.B) {
			for b.Loop() {
				if _, err := tr.Report(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
		t.Logf("%s: flush of %d screens %v; one heartbeat %v; report of %d screens %v", db.Dialect(), n,
			time.Duration(flush.NsPerOp()), time.Duration(heartbeat.NsPerOp()), n, time.Duration(report.NsPerOp()))
	}, migrations()...)
}
