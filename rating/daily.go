package rating

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/stats"
)

// DailyStats counts the ratings made in [from, to) by level
// ("rating.level", subject = level 1–5).
func (s *Service) DailyStats(ctx context.Context, from, to time.Time) ([]stats.Row, error) {
	var out []stats.Row
	err := s.db.Select(ctx, &out, `SELECT 'rating.level' AS metric, level AS subject, COUNT(*) AS value FROM ratings
		WHERE created_at >= ? AND created_at < ? GROUP BY level`, from, to)
	return out, wrap("count ratings by day", err)
}
