package kiosk

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/stats"
)

// DailyStats counts the visits of [from, to) per kiosk ("kiosk.visits")
// and their total length in seconds ("kiosk.visit_seconds"; a visit
// never ended counts up to sessionMaxAge).
func (a *API) DailyStats(ctx context.Context, from, to time.Time) ([]stats.Row, error) {
	var rows []struct {
		DeviceID  int64      `db:"device_id"`
		StartedAt time.Time  `db:"started_at"`
		EndedAt   *time.Time `db:"ended_at"`
	}
	if err := a.o.DB.Select(ctx, &rows, `SELECT device_id, started_at, ended_at FROM kiosk_sessions
		WHERE started_at >= ? AND started_at < ?`, from, to); err != nil {
		return nil, wrap("count visits", err)
	}
	visits, secs := map[int64]int64{}, map[int64]int64{}
	for _, r := range rows {
		visits[r.DeviceID]++
		d := sessionMaxAge
		if r.EndedAt != nil && r.EndedAt.Sub(r.StartedAt) < d {
			d = r.EndedAt.Sub(r.StartedAt)
		}
		secs[r.DeviceID] += int64(max(d, 0) / time.Second)
	}
	out := make([]stats.Row, 0, 2*len(visits))
	for id, n := range visits {
		out = append(out, stats.Row{Metric: "kiosk.visits", Subject: id, Value: n},
			stats.Row{Metric: "kiosk.visit_seconds", Subject: id, Value: secs[id]})
	}
	return out, nil
}

// PruneSessions deletes visits that started before cutoff (their figures
// live on in the daily statistics) and returns how many went.
func (a *API) PruneSessions(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := a.o.DB.Exec(ctx, "DELETE FROM kiosk_sessions WHERE started_at < ?", cutoff)
	if err != nil {
		return 0, wrap("prune visits", err)
	}
	return res.RowsAffected()
}
