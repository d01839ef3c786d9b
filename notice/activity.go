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
	if err := s.db.Select(ctx, &rows, `SELECT category_id, published_at FROM notice_versions
		WHERE published_at IS NOT NULL AND status IN ('published', 'expired', 'superseded')`); err != nil {
		return nil, fmt.Errorf("notice: unable to read publication dates: %w", err)
	}
	out := map[int64]time.Time{}
	for _, r := range rows {
		if r.PublishedAt.After(out[r.CategoryID]) {
			out[r.CategoryID] = r.PublishedAt
		}
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
