package auth

import (
	"context"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// lockedUsers returns the user names locked at some address now.
func (s *Service) lockedUsers(ctx context.Context, q store.Querier) (map[string]bool, error) {
	var keys []string
	if err := q.Select(ctx, &keys, "SELECT key FROM login_failures WHERE substr(key, 1, 5) = 'user:' AND locked_until > ?", s.now()); err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, k := range keys {
		if name, _, ok := strings.Cut(strings.TrimPrefix(k, "user:"), "@"); ok {
			out[name] = true
		}
	}
	return out, nil
}

// Unlock lifts every login lock of an account (all addresses) and
// records who did it.
func (s *Service) Unlock(ctx context.Context, who audit.Actor, id int64) (*User, error) {
	var u User
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.Get(ctx, &u, "SELECT "+userColumns+" FROM users WHERE id = ?", id); err != nil {
			if store.IsNotFound(err) {
				return web.NotFound("user")
			}
			return err
		}
		prefix := accountPrefix(u.Username)
		var addrs []string
		if err := tx.Select(ctx, &addrs, "SELECT key FROM login_failures WHERE substr(key, 1, ?) = ? AND locked_until > ?",
			len(prefix), prefix, s.now()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM login_failures WHERE substr(key, 1, ?) = ?", len(prefix), prefix); err != nil {
			return err
		}
		for i, k := range addrs {
			addrs[i] = strings.TrimPrefix(k, prefix)
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: s.now(), Action: "user.unlock", ObjectType: "user", ObjectID: id,
			Before: map[string]any{"locked_addresses": addrs}})
	})
	if err != nil {
		return nil, wrap("unlock user", err)
	}
	return &u, nil
}

// HandleUnlock is POST /api/admin/users/:id/unlock: an admin lifts the
// login locks of an account.
func (s *Service) HandleUnlock(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	u, err := s.Unlock(c.Request().Context(), Actor(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, u)
}
