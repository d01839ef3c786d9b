package archive

import (
	"context"
	"fmt"
	"time"
)

// PruneQueries deletes query audit rows older than cutoff (the daily
// counts in archive_query_days stay) and returns how many went.
func (s *Service) PruneQueries(ctx context.Context, cutoff time.Time) (int64, error) {
	res, err := s.db.Exec(ctx, "DELETE FROM archive_queries WHERE at < ?", cutoff)
	if err != nil {
		return 0, fmt.Errorf("archive: unable to prune the query audit: %w", err)
	}
	return res.RowsAffected()
}
