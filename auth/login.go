package auth

import (
	"context"
	"net/http"
	"strings"

	"golang.org/x/crypto/bcrypt"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

var errBadCredentials = &web.Error{Status: http.StatusUnauthorized, Code: web.CodeBadCredential, Message: "wrong user name or password"}

// Login checks a password and opens a session, returning its token. It
// refuses a throttled (account, address) pair or address even with the
// right password, and answers unknown, disabled and wrong-password logins
// alike. Failures lock the account only for the address they come from,
// so an attacker's guesses never lock its owner out elsewhere.
func (s *Service) Login(ctx context.Context, username, password, ip, userAgent string) (*User, string, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	userKey, ipKey := accountKey(username, ip), "ip:"+ip
	if d, err := s.lockedFor(ctx, userKey, ipKey); err != nil {
		return nil, "", wrap("check login throttling", err)
	} else if d > 0 {
		return nil, "", throttled(d)
	}
	u, err := s.ByUsername(ctx, username)
	if err != nil && !web.IsNotFound(err) {
		return nil, "", err
	}
	hash := s.dummyHash()
	if u != nil {
		hash = []byte(u.PasswordHash)
	}
	ok := bcrypt.CompareHashAndPassword(hash, []byte(password)) == nil && u != nil && !u.Disabled
	var token string
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		now := s.now()
		if !ok {
			if err := s.recordFailure(ctx, tx, userKey, accountFailLimit); err != nil {
				return err
			}
			if err := s.recordFailure(ctx, tx, ipKey, addressFailLimit); err != nil {
				return err
			}
			if u != nil {
				return audit.Record(ctx, tx, audit.Actor{ID: u.ID, Name: u.Username, IP: ip},
					audit.Entry{At: now, Action: "auth.login_failed", ObjectType: "user", ObjectID: u.ID})
			}
			return nil
		}
		if _, err := tx.Exec(ctx, "DELETE FROM login_failures WHERE key = ?", userKey); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE users SET last_login_at = ? WHERE id = ?", now, u.ID); err != nil {
			return err
		}
		var err error
		if token, err = s.createSession(ctx, tx, u.ID, ip, userAgent); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Actor{ID: u.ID, Name: u.Username, IP: ip},
			audit.Entry{At: now, Action: "auth.login", ObjectType: "user", ObjectID: u.ID})
	})
	if err != nil {
		return nil, "", wrap("log in", err)
	}
	if !ok {
		return nil, "", errBadCredentials
	}
	return u, token, nil
}

// CheckPassword reports whether pw is the user's current password.
func (s *Service) CheckPassword(u *User, pw string) bool {
	return bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(pw)) == nil
}
