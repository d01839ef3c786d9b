package site

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
)

// The forms' bot protection works without JavaScript and without anyone
// else's service: every form carries a token signed with the site's key
// (site_keys, shared by the instances of one database) that names the
// form, the time it was handed out and a random nonce. A submission is
// accepted only with a valid token of that form, sent at least MinFill
// after it was handed out (a person reads and types; a script posts at
// once) and at most TokenTTL after, once (site_tokens; a rating takes its
// nonce as its "session", so one form is one rating), with the honeypot
// field, hidden from people and screen readers, left empty.

// Errors of a form token.
var (
	errToken   = errors.New("site: invalid form token")
	errTooFast = errors.New("site: form sent too fast")
	errExpired = errors.New("site: form token expired")
	errUsed    = errors.New("site: form token already used")
)

// tokenKey signs form tokens.
type tokenKey struct {
	secret []byte
	db     *store.DB
	clock  clock.Clock
	uses   atomic.Int64
}

// loadTokenKey reads the site's key, creating it on first use.
func loadTokenKey(ctx context.Context, db *store.DB, c clock.Clock) (*tokenKey, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return nil, fmt.Errorf("site: unable to make a key: %w", err)
	}
	if _, err := db.Exec(ctx, "INSERT INTO site_keys (id, secret, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING",
		hex.EncodeToString(buf), c.Now()); err != nil {
		return nil, fmt.Errorf("site: unable to store the form key: %w", err)
	}
	var secret string
	if err := db.Get(ctx, &secret, "SELECT secret FROM site_keys WHERE id = 1"); err != nil {
		return nil, fmt.Errorf("site: unable to read the form key: %w", err)
	}
	key, err := hex.DecodeString(secret)
	if err != nil || len(key) < 16 {
		return nil, fmt.Errorf("site: the stored form key is damaged")
	}
	return &tokenKey{secret: key, db: db, clock: c}, nil
}

func (k *tokenKey) mac(form, issued, nonce string) string {
	m := hmac.New(sha256.New, k.secret)
	m.Write([]byte(form + "|" + issued + "|" + nonce))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// issue returns a new token for form.
func (k *tokenKey) issue(form string) string {
	n := make([]byte, 12)
	_, _ = rand.Read(n)
	nonce := hex.EncodeToString(n)
	issued := strconv.FormatInt(k.clock.Now().UnixMilli(), 10)
	return issued + "." + nonce + "." + k.mac(form, issued, nonce)
}

// check verifies a token of form sent now and returns its nonce.
func (k *tokenKey) check(form, token string, minFill, ttl time.Duration) (string, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 || len(parts[1]) != 24 || !hmac.Equal([]byte(parts[2]), []byte(k.mac(form, parts[0], parts[1]))) {
		return "", errToken
	}
	ms, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil {
		return "", errToken
	}
	age := k.clock.Now().Sub(time.UnixMilli(ms))
	switch {
	case age < minFill:
		return "", errTooFast
	case age > ttl:
		return "", errExpired
	}
	return parts[1], nil
}

// use marks a nonce used; a second use is errUsed. Now and then it
// forgets the nonces of tokens that have expired anyway.
func (k *tokenKey) use(ctx context.Context, nonce string, ttl time.Duration) error {
	now := k.clock.Now()
	res, err := k.db.Exec(ctx, "INSERT INTO site_tokens (nonce, used_at) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING", nonce, now)
	if err != nil {
		return fmt.Errorf("site: unable to record a form token: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errUsed
	}
	if k.uses.Add(1)%256 == 0 {
		if _, err := k.db.Exec(ctx, "DELETE FROM site_tokens WHERE used_at < ?", now.Add(-ttl-time.Minute)); err != nil {
			return fmt.Errorf("site: unable to prune form tokens: %w", err)
		}
	}
	return nil
}
