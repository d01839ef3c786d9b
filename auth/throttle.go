package auth

import (
	"context"
	"math"
	"time"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Login throttling, stored in the database so every instance sees it. An
// account is locked per client address: five wrong passwords from one
// address lock that (account, address) pair, never the account for
// everyone (which would let anyone lock an admin out); twenty from one
// address lock the address for every account. Guessing from many
// addresses is bounded by the password rules (password_check.go).
const (
	throttleWindow   = 15 * time.Minute
	throttleLockFor  = 15 * time.Minute
	accountFailLimit = 5  // failures per (account, address) within the window
	addressFailLimit = 20 // failures per client address within the window
)

// accountKey is the throttling key of an account at one address.
func accountKey(username, ip string) string { return accountPrefix(username) + ip }

func accountPrefix(username string) string { return "user:" + username + "@" }

type failureRow struct {
	Failures    int        `db:"failures"`
	FirstAt     time.Time  `db:"first_at"`
	LockedUntil *time.Time `db:"locked_until"`
}

// lockedFor returns how long the first locked key stays locked, or 0.
func (s *Service) lockedFor(ctx context.Context, keys ...string) (time.Duration, error) {
	now := s.now()
	for _, k := range keys {
		var r failureRow
		err := s.db.Get(ctx, &r, "SELECT failures, first_at, locked_until FROM login_failures WHERE key = ?", k)
		if store.IsNotFound(err) {
			continue
		}
		if err != nil {
			return 0, err
		}
		if r.LockedUntil != nil && r.LockedUntil.After(now) {
			return r.LockedUntil.Sub(now), nil
		}
	}
	return 0, nil
}

// recordFailure counts one failed login against key, locking it at limit.
func (s *Service) recordFailure(ctx context.Context, tx *store.Tx, key string, limit int) error {
	now := s.now()
	var r failureRow
	err := tx.Get(ctx, &r, "SELECT failures, first_at, locked_until FROM login_failures WHERE key = ?", key)
	switch {
	case store.IsNotFound(err) || (err == nil && now.Sub(r.FirstAt) > throttleWindow):
		r = failureRow{Failures: 1, FirstAt: now}
	case err != nil:
		return err
	default:
		r.Failures++
	}
	r.LockedUntil = nil
	if r.Failures >= limit {
		until := now.Add(throttleLockFor)
		r.LockedUntil = &until
	}
	_, err = tx.Exec(ctx, `INSERT INTO login_failures (key, failures, first_at, locked_until) VALUES (?, ?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, first_at = excluded.first_at, locked_until = excluded.locked_until`,
		key, r.Failures, r.FirstAt, r.LockedUntil)
	return err
}

func throttled(d time.Duration) error {
	secs := int(math.Ceil(d.Seconds()))
	return web.Throttled(secs, "too many failed logins; try again in %d minutes", int(math.Ceil(d.Minutes())))
}
