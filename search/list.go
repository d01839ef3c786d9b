package search

import "context"

// List returns the documents of a category (0: all) and kind ("" for
// all), newest first, with their total: the kiosk's browsing lists come
// from the same copy as its search.
func (s *Service) List(ctx context.Context, categoryID int64, kind string, page, perPage int) ([]Doc, int, error) {
	where, args := "1 = 1", []any{}
	if categoryID != 0 {
		where += " AND category_id = ?"
		args = append(args, categoryID)
	}
	if kind != "" {
		where += " AND kind = ?"
		args = append(args, kind)
	}
	var total int
	if err := s.db.Get(ctx, &total, "SELECT COUNT(*) FROM search_docs WHERE "+where, args...); err != nil {
		return nil, 0, wrap("count documents", err)
	}
	out := []Doc{}
	err := s.db.Select(ctx, &out, "SELECT id, kind, category_id, category, title, index_no, published_at, status, updated_at FROM search_docs WHERE "+
		where+" ORDER BY seq LIMIT ? OFFSET ?", append(args, perPage, max(page-1, 0)*perPage)...)
	return out, total, wrap("list documents", err)
}

// CategoryCounts returns how many documents each category has.
func (s *Service) CategoryCounts(ctx context.Context) (map[int64]int, error) {
	var rows []struct {
		ID int64 `db:"category_id"`
		N  int   `db:"n"`
	}
	if err := s.db.Select(ctx, &rows, "SELECT category_id, COUNT(*) AS n FROM search_docs GROUP BY category_id"); err != nil {
		return nil, wrap("count documents", err)
	}
	out := make(map[int64]int, len(rows))
	for _, r := range rows {
		out[r.ID] = r.N
	}
	return out, nil
}
