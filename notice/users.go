package notice

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/store"
)

// userNames fills names (keyed by user ID) with display names.
func userNames(ctx context.Context, q store.Querier, names map[int64]string) error {
	if len(names) == 0 {
		return nil
	}
	ids := make([]any, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	var rows []struct {
		ID          int64  `db:"id"`
		Username    string `db:"username"`
		DisplayName string `db:"display_name"`
	}
	if err := q.Select(ctx, &rows, "SELECT id, username, display_name FROM users WHERE id IN ("+placeholders(len(ids))+")", ids...); err != nil {
		return fmt.Errorf("notice: unable to read user names: %w", err)
	}
	for _, r := range rows {
		names[r.ID] = r.Username
		if r.DisplayName != "" {
			names[r.ID] = r.DisplayName
		}
	}
	return nil
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	b := make([]byte, 0, 3*n)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, '?')
	}
	return string(b)
}
