package stats_test

import (
	"context"
	"testing"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/stats"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

func TestRollupIsIdempotentAndResumes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.Migrate(ctx, stats.Migrations); err != nil {
			t.Fatal(err)
		}
		zone := time.FixedZone("CST", 8*3600)
		fake := clock.NewFake(time.Date(2026, 11, 23, 1, 20, 0, 0, zone))
		s := stats.New(db, stats.Options{Clock: fake, Location: zone, FirstDays: 3})
		var asked []string
		s.Add(stats.SourceFunc(func(_ context.Context, from, to time.Time) ([]stats.Row, error) {
			if to.Sub(from) != 24*time.Hour || from.In(zone).Hour() != 0 {
				t.Errorf("period %v – %v is not one local day", from, to)
			}
			asked = append(asked, from.In(zone).Format("2006-01-02"))
			return []stats.Row{{Metric: "kiosk.visits", Subject: 7, Value: int64(from.In(zone).Day())},
				{Metric: "rating.level", Subject: 5, Value: 2}, {Metric: "rating.level", Subject: 1, Value: 0}}, nil
		}))
		days, err := s.RollupDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"2026-11-20", "2026-11-21", "2026-11-22"}; !equal(days, want) {
			t.Fatalf("first roll-up did %v, want %v", days, want)
		}
		// Twice the same day: the same rows, not doubled.
		if _, err := s.Rollup(ctx, time.Date(2026, 11, 22, 0, 0, 0, 0, zone)); err != nil {
			t.Fatal(err)
		}
		got, err := s.Daily(ctx, time.Date(2026, 11, 20, 0, 0, 0, 0, zone), time.Date(2026, 11, 22, 0, 0, 0, 0, zone), "kiosk.")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[2].Day != "2026-11-22" || got[2].Value != 22 || got[2].Subject != 7 {
			t.Fatalf("kiosk figures: %+v", got)
		}
		all, _ := s.Daily(ctx, time.Date(2026, 11, 22, 0, 0, 0, 0, zone), time.Date(2026, 11, 22, 0, 0, 0, 0, zone), "")
		if len(all) != 2 { // the zero figure is not stored
			t.Fatalf("figures of one day: %+v", all)
		}
		// Two days later it resumes after the last rolled-up day.
		asked = nil
		fake.Advance(48 * time.Hour)
		days, err = s.RollupDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"2026-11-23", "2026-11-24"}; !equal(days, want) || !equal(asked, want) {
			t.Fatalf("resume did %v (asked %v), want %v", days, asked, want)
		}
		// Nothing new: yesterday again (late rows), nothing else.
		days, _ = s.RollupDue(ctx)
		if want := []string{"2026-11-24"}; !equal(days, want) {
			t.Fatalf("rerun did %v, want %v", days, want)
		}
	})
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
