package stats

import (
	"context"
	"time"
)

// Day is one stored figure with its day.
type Day struct {
	Day string `db:"day" json:"day"`
	Row
}

// Daily returns the stored figures of the days [from, to] (dates in the
// service's location) whose metric starts with prefix ("" for all),
// ordered by day, metric and subject.
func (s *Service) Daily(ctx context.Context, from, to time.Time, prefix string) ([]Day, error) {
	out := []Day{}
	err := s.db.Select(ctx, &out, `SELECT day, metric, subject, value FROM stats_daily
		WHERE day >= ? AND day <= ? AND metric LIKE ? ORDER BY day, metric, subject`,
		from.Format(dayLayout), to.Format(dayLayout), escapeLike(prefix)+"%")
	return out, wrap("read daily figures", err)
}

func escapeLike(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '%' || r == '_' {
			continue // metric names never hold them
		}
		out = append(out, r)
	}
	return string(out)
}
