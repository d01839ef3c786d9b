package stats

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/store"
)

const dayLayout = "2006-01-02"

// Rollup computes and stores the figures of one day (a date in the
// service's location), replacing what was stored for it: running it
// twice gives the same rows.
func (s *Service) Rollup(ctx context.Context, day time.Time) (int, error) {
	from := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, s.o.Location)
	to := from.AddDate(0, 0, 1)
	key := from.Format(dayLayout)
	type k struct {
		metric  string
		subject int64
	}
	sum := map[k]int64{}
	for _, src := range s.sources {
		rows, err := src.DailyStats(ctx, from, to)
		if err != nil {
			return 0, wrap("compute the figures of "+key, err)
		}
		for _, r := range rows {
			sum[k{r.Metric, r.Subject}] += r.Value
		}
	}
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		if _, err := tx.Exec(ctx, "DELETE FROM stats_daily WHERE day = ?", key); err != nil {
			return err
		}
		// Upserts with the new value: two roll-ups of one day running at
		// once (two jobs, two instances) end with the same rows.
		for r, v := range sum {
			if v == 0 {
				continue
			}
			if _, err := tx.Exec(ctx, `INSERT INTO stats_daily (day, metric, subject, value) VALUES (?, ?, ?, ?)
				ON CONFLICT (day, metric, subject) DO UPDATE SET value = excluded.value`,
				key, r.metric, r.subject, v); err != nil {
				return err
			}
		}
		_, err := tx.Exec(ctx, `INSERT INTO stats_days (day, rolled_at) VALUES (?, ?)
			ON CONFLICT (day) DO UPDATE SET rolled_at = excluded.rolled_at`, key, s.o.Clock.Now())
		return err
	})
	return len(sum), wrap("store the figures of "+key, err)
}

// RollupDue rolls up every finished day since the last rolled-up one
// (at most FirstDays back on the first run), oldest first, and always
// yesterday again (late rows, a run cut short). It returns the days done.
func (s *Service) RollupDue(ctx context.Context) ([]string, error) {
	now := s.o.Clock.Now().In(s.o.Location)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.o.Location)
	start := today.AddDate(0, 0, -s.o.FirstDays)
	var last string
	if err := s.db.Get(ctx, &last, "SELECT COALESCE(MAX(day), '') FROM stats_days"); err != nil {
		return nil, wrap("find the last rolled-up day", err)
	}
	if last != "" {
		if d, err := time.ParseInLocation(dayLayout, last, s.o.Location); err == nil {
			start = d.AddDate(0, 0, 1)
		}
	}
	if y := today.AddDate(0, 0, -1); start.After(y) {
		start = y
	}
	var done []string
	for d := start; d.Before(today); d = d.AddDate(0, 0, 1) {
		if _, err := s.Rollup(ctx, d); err != nil {
			return done, err
		}
		done = append(done, d.Format(dayLayout))
	}
	return done, nil
}
