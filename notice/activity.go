package notice

import (
	"context"
	"fmt"
	"time"
)

// LastPublished returns, per category, when a notice filed in it was last
// published; it makes Service a catalogue.Activity (R8 freshness).
func (s *Service) LastPublished(ctx context.Context) (map[int64]time.Time, error) {
	var rows []struct {
		CategoryID  int64     `db:"category_id"`
		PublishedAt time.Time `db:"published_at"`
	}
	// One row per category, chosen in the database: the metrics ask this
	// at every scrape (a window rather than MAX keeps the column's type on
	// SQLite).
	if err := s.db.Select(ctx, &rows, `SELECT category_id, published_at FROM (
		SELECT category_id, published_at, ROW_NUMBER() OVER (PARTITION BY category_id ORDER BY published_at DESC) AS rn
		FROM notice_versions WHERE published_at IS NOT NULL AND status IN ('published', 'expired', 'superseded')) latest
		WHERE rn = 1`); err != nil {
		return nil, fmt.Errorf("notice: unable to read publication dates: %w", err)
	}
	out := make(map[int64]time.Time, len(rows))
	for _, r := range rows {
		out[r.CategoryID] = r.PublishedAt
	}
	return out, nil
}

// Uses counts the notices with a version filed under a category.
func (s *Service) Uses(ctx context.Context, categoryID int64) (int, error) {
	var n int
	if err := s.db.Get(ctx, &n, "SELECT COUNT(DISTINCT notice_id) FROM notice_versions WHERE category_id = ?", categoryID); err != nil {
		return 0, fmt.Errorf("notice: unable to count notices of category %d: %w", categoryID, err)
	}
	return n, nil
}
