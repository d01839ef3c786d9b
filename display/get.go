package display

import (
	"context"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// getByID reads the one row query selects for id; a missing row is a
// 404 that names what.
func getByID[T any](ctx context.Context, q store.Querier, what, query string, id int64) (*T, error) {
	var v T
	if err := q.Get(ctx, &v, query, id); err != nil {
		if store.IsNotFound(err) {
			return nil, web.NotFound(what)
		}
		return nil, wrap("read "+what, err)
	}
	return &v, nil
}
