package proof

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
)

// Daily is the aggregate of one notice on one day.
type Daily struct {
	Day      string `db:"day" json:"day"`
	NoticeID int64  `db:"notice_id" json:"notice_id"`
	Plays    int64  `db:"plays" json:"plays"`
	TotalMS  int64  `db:"total_ms" json:"total_ms"`
	Screens  int64  `db:"screens" json:"screens"`
}

const dailySelect = `SELECT CAST(? AS TEXT) AS day, notice_id, COUNT(*) AS plays, COALESCE(SUM(duration_ms), 0) AS total_ms,
	COUNT(DISTINCT device_id) AS screens FROM screen_plays
	WHERE notice_id IS NOT NULL AND started_at >= ? AND started_at < ?`

// bounds are the instants that start day and the next day.
func (s *Service) bounds(day calendar.Date) (time.Time, time.Time) {
	return day.In(s.opts.Location).UTC(), day.AddDays(1).In(s.opts.Location).UTC()
}

// compute aggregates a day from the raw plays without storing it.
func (s *Service) compute(ctx context.Context, q store.Querier, day calendar.Date, noticeID int64) ([]Daily, error) {
	from, to := s.bounds(day)
	query, args := dailySelect, []any{day.String(), from, to}
	if noticeID != 0 {
		query += " AND notice_id = ?"
		args = append(args, noticeID)
	}
	out := []Daily{}
	if err := q.Select(ctx, &out, query+" GROUP BY notice_id ORDER BY notice_id", args...); err != nil {
		return nil, wrap("aggregate "+day.String(), err)
	}
	return out, nil
}

// Rollup replaces the aggregates of day with ones computed from the raw
// plays; running it again gives the same result.
func (s *Service) Rollup(ctx context.Context, day calendar.Date) error {
	from, to := s.bounds(day)
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		if _, err := tx.Exec(ctx, "DELETE FROM proof_daily WHERE day = ?", day.String()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "INSERT INTO proof_daily (day, notice_id, plays, total_ms, screens) "+dailySelect+" GROUP BY notice_id",
			day.String(), from, to); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO proof_rollups (day, rolled_at) VALUES (?, ?)
			ON CONFLICT (day) DO UPDATE SET rolled_at = excluded.rolled_at`, day.String(), s.now())
		return err
	})
	if err != nil {
		return wrap("roll up "+day.String(), err)
	}
	return nil
}

// firstKept is the earliest day whose raw plays are all kept.
func (s *Service) firstKept(ctx context.Context) (calendar.Date, error) {
	ret, err := s.Retention(ctx)
	if err != nil {
		return calendar.Date{}, err
	}
	return s.dayOf(s.opts.Clock.Now().Add(-ret)), nil
}

// RollupDue rolls up every day before today that has no aggregates yet or
// received late plays since (from the first play kept), and returns them.
func (s *Service) RollupDue(ctx context.Context) ([]string, error) {
	first, err := s.firstKept(ctx)
	if err != nil {
		return nil, err
	}
	var earliest time.Time
	err = s.db.Get(ctx, &earliest, "SELECT started_at FROM screen_plays ORDER BY started_at LIMIT 1")
	if store.IsNotFound(err) {
		return []string{}, nil
	}
	if err != nil {
		return nil, wrap("find the first play", err)
	}
	if d := s.dayOf(earliest); d.After(first) {
		first = d
	}
	var rolled []string
	if err := s.db.Select(ctx, &rolled, "SELECT day FROM proof_rollups WHERE day >= ?", first.String()); err != nil {
		return nil, wrap("list rolled-up days", err)
	}
	done := map[string]bool{}
	for _, d := range rolled {
		done[d] = true
	}
	out := []string{}
	for d := first; d.Before(s.today()); d = d.AddDays(1) {
		if done[d.String()] {
			continue
		}
		if err := s.Rollup(ctx, d); err != nil {
			return out, err
		}
		out = append(out, d.String())
	}
	return out, nil
}

// pruneBatch is how many rows one DELETE removes, so a long backlog does
// not hold one huge transaction.
const pruneBatch = 5000

// Prune deletes the raw plays of the days past the retention period
// (whole days, so no rolled-up day is left half pruned) and returns how
// many it removed. Run RollupDue first.
func (s *Service) Prune(ctx context.Context) (int64, error) {
	first, err := s.firstKept(ctx)
	if err != nil {
		return 0, err
	}
	cut, _ := s.bounds(first)
	var total int64
	for {
		res, err := s.db.Exec(ctx, fmt.Sprintf(`DELETE FROM screen_plays WHERE id IN
			(SELECT id FROM screen_plays WHERE started_at < ? LIMIT %d)`, pruneBatch), cut)
		if err != nil {
			return total, wrap("prune plays", err)
		}
		n, _ := res.RowsAffected()
		total += n
		if n < pruneBatch {
			return total, nil
		}
	}
}
