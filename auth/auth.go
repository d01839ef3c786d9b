// Package auth holds admin accounts, their roles and passwords, the
// database-backed login sessions, login throttling, and the middleware that
// checks them on every admin route.
package auth

import (
	"embed"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the account and session schema.
var Migrations = store.Embedded("auth", migrationFS)

// Options configure a Service.
type Options struct {
	// SessionTTL is how long a session lives without use.
	SessionTTL time.Duration
	// BcryptCost is the password hashing cost (default bcrypt.DefaultCost+2).
	BcryptCost int
	// SecureCookies forces the Secure attribute (set when the server is
	// reached over HTTPS, directly or through a proxy).
	SecureCookies bool
	Clock         clock.Clock
	Logger        *slog.Logger
	// Location is the hall's zone: the admin UI shows times and takes
	// today in it (default UTC).
	Location *time.Location
}

// Service manages accounts and sessions.
type Service struct {
	db   *store.DB
	opts Options
	// dummyHash is compared against when a login names no account, so the
	// answer takes as long as for a wrong password.
	dummyHash func() []byte
}

// New returns a Service on db.
func New(db *store.DB, o Options) *Service {
	if o.SessionTTL <= 0 {
		o.SessionTTL = 12 * time.Hour
	}
	if o.BcryptCost == 0 {
		o.BcryptCost = bcrypt.DefaultCost + 2
	}
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	cost := o.BcryptCost
	dummy := sync.OnceValue(func() []byte {
		h, _ := bcrypt.GenerateFromPassword([]byte("not a password"), cost)
		return h
	})
	return &Service{db: db, opts: o, dummyHash: dummy}
}

func (s *Service) now() time.Time { return s.opts.Clock.Now() }
