package server_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
)

// Kiosk visits and ratings are rolled up per day; pruning the raw visits
// past their retention keeps the figures.
func TestDailyStatsRollupAndPrune(t *testing.T) {
	for _, d := range []store.Dialect{store.SQLite, store.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			s := servertest.Start(t, servertest.WithDialect(d))
			roomToday(s, 0, 10*time.Minute) // three visits of 3 minutes, one day's
			k := pairKiosk(t, s, "一楼大厅 1 号机")
			day := today(s).String()
			for _, level := range []int{5, 4, 1} {
				k.startSession()
				if res := k.do("POST", "/api/kiosk/ratings", map[string]any{"level": level}); res.Status != http.StatusCreated {
					t.Fatalf("rating: %d %s", res.Status, res.Body)
				}
				s.Clock.Advance(3 * time.Minute)
				if res := k.do("POST", "/api/kiosk/sessions/end", nil); res.Status >= 300 {
					t.Fatalf("end: %d %s", res.Status, res.Body)
				}
			}
			// The next night rolls up the day of the visits.
			s.Clock.Advance(20 * time.Hour)
			ctx := context.Background()
			if _, err := s.App.Stats.RollupDue(ctx); err != nil {
				t.Fatal(err)
			}
			s.User(t, "ed", auth.RoleEditor)
			c := s.Login(t, "ed", "ed-password-1")
			var out struct {
				Days []struct {
					Day, Metric    string
					Subject, Value int64
				}
			}
			read := func() map[string]int64 {
				c.Do("GET", "/api/admin/stats/daily?from="+day+"&to="+day, nil).JSON(t, &out)
				sum := map[string]int64{}
				for _, r := range out.Days {
					if r.Day != day {
						t.Errorf("figure of %s", r.Day)
					}
					sum[r.Metric] += r.Value
				}
				return sum
			}
			got := read()
			if got["kiosk.visits"] != 3 || got["kiosk.visit_seconds"] != 540 || got["rating.level"] != 3 {
				t.Fatalf("figures: %+v", out.Days)
			}
			// A year and more later the visits are pruned (the job may
			// also run by itself as the clock moves); the figures stay.
			s.Clock.Advance(400 * 24 * time.Hour)
			// One archive query audit row past its three years, one not.
			for _, age := range []int{1200, 10} {
				if _, err := s.App.DB.Exec(ctx, "INSERT INTO archive_queries (at, kiosk_id, dataset_id, outcome) VALUES (?, 'k', 1, 'miss')",
					s.Clock.Now().AddDate(0, 0, -age)); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.App.PruneLogs(ctx, s.Clock.Now()); err != nil {
				t.Fatal(err)
			}
			var left int
			if err := s.App.DB.Get(ctx, &left, "SELECT COUNT(*) FROM kiosk_sessions"); err != nil || left != 0 {
				t.Fatalf("visits left after pruning: %d %v", left, err)
			}
			if err := s.App.DB.Get(ctx, &left, "SELECT COUNT(*) FROM archive_queries"); err != nil || left != 1 {
				t.Fatalf("archive queries left after pruning: %d %v", left, err)
			}
			c = s.Login(t, "ed", "ed-password-1")
			if after := read(); after["kiosk.visits"] != 3 {
				t.Fatalf("figures after pruning: %+v", out.Days)
			}
			if res := c.Do("GET", "/api/admin/stats/daily?from="+day+"&to=nope", nil); res.Status != 400 {
				t.Fatalf("bad date: %d", res.Status)
			} else if _, field := res.ErrorCode(); field != "to" {
				t.Fatalf("bad date names %q", field)
			}
		})
	}
}
