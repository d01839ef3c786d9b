package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// sessionTouchEvery limits how often a session's expiry slides forward, so
// reads do not write on every request.
const sessionTouchEvery = time.Minute

func newToken() (token, hash string) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token)
}

func hashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

func (s *Service) createSession(ctx context.Context, tx *store.Tx, userID int64, ip, ua string) (string, error) {
	token, hash := newToken()
	now := s.now()
	if len(ua) > 256 {
		ua = ua[:256]
	}
	_, err := tx.Exec(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, ip, user_agent)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, hash, userID, now, now.Add(s.opts.SessionTTL), now, ip, ua)
	if err != nil {
		return "", fmt.Errorf("auth: unable to create a session: %w", err)
	}
	return token, nil
}

type sessionRow struct {
	User
	ExpiresAt  time.Time `db:"expires_at"`
	LastSeenAt time.Time `db:"last_seen_at"`
}

// SessionUser returns the user of a live session token, sliding its expiry
// forward, or nil when the token is unknown, expired or its user disabled.
func (s *Service) SessionUser(ctx context.Context, token string) (*User, error) {
	if token == "" {
		return nil, nil
	}
	hash := hashToken(token)
	var r sessionRow
	err := s.db.Get(ctx, &r, `SELECT u.id, u.username, u.display_name, u.role, u.password_hash, u.disabled, u.must_change_password,
		u.created_at, u.updated_at, u.last_login_at, s.expires_at, s.last_seen_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`, hash)
	if store.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("auth: unable to read a session: %w", err)
	}
	now := s.now()
	if r.Disabled || !r.ExpiresAt.After(now) {
		return nil, nil
	}
	if now.Sub(r.LastSeenAt) >= sessionTouchEvery {
		if _, err := s.db.Exec(ctx, "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
			now, now.Add(s.opts.SessionTTL), hash); err != nil {
			return nil, fmt.Errorf("auth: unable to extend a session: %w", err)
		}
	}
	u := r.User
	return &u, nil
}

// EndSession deletes one session (logout).
func (s *Service) EndSession(ctx context.Context, token string) error {
	if _, err := s.db.Exec(ctx, "DELETE FROM sessions WHERE token_hash = ?", hashToken(token)); err != nil {
		return fmt.Errorf("auth: unable to end a session: %w", err)
	}
	return nil
}

// PruneSessions deletes expired sessions and stale login failures. The
// scheduler calls it.
func (s *Service) PruneSessions(ctx context.Context) (int64, error) {
	now := s.now()
	res, err := s.db.Exec(ctx, "DELETE FROM sessions WHERE expires_at <= ?", now)
	if err != nil {
		return 0, fmt.Errorf("auth: unable to prune sessions: %w", err)
	}
	if _, err := s.db.Exec(ctx, "DELETE FROM login_failures WHERE first_at < ? AND (locked_until IS NULL OR locked_until < ?)",
		now.Add(-throttleWindow), now); err != nil {
		return 0, fmt.Errorf("auth: unable to prune login failures: %w", err)
	}
	return res.RowsAffected()
}
