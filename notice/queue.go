package notice

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/auth"
)

// Queue returns what waits for who's decision, oldest submission first:
// submitted versions by other authors, and for admins also the referred
// ones. Own notices are left out: nobody reviews their own (R4).
func (s *Service) Queue(ctx context.Context, who Who) ([]Row, error) {
	statuses := []any{StatusSubmitted}
	if who.can(auth.RoleAdmin) {
		statuses = append(statuses, StatusReferred)
	}
	rows := []Row{}
	q := rowSelect + " WHERE cv.status IN (" + placeholders(len(statuses)) + ") AND cv.author_id <> ? AND n.withdrawn_at IS NULL" +
		" ORDER BY cv.submitted_at, n.id LIMIT 500"
	if err := s.db.Select(ctx, &rows, q, append(statuses, who.ID)...); err != nil {
		return nil, fmt.Errorf("notice: unable to list the review queue: %w", err)
	}
	return rows, nil
}
