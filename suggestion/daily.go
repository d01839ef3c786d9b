package suggestion

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/stats"
)

// DailyStats counts the suggestions received in [from, to)
// ("suggestion.received").
func (s *Service) DailyStats(ctx context.Context, from, to time.Time) ([]stats.Row, error) {
	var out []stats.Row
	err := s.db.Select(ctx, &out, `SELECT 'suggestion.received' AS metric, 0 AS subject, COUNT(*) AS value FROM suggestions
		WHERE created_at >= ? AND created_at < ? HAVING COUNT(*) > 0`, from, to)
	return out, wrap("count suggestions by day", err)
}
