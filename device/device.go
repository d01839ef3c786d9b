// Package device gives screens and kiosks an identity. A new device shows a
// six-digit pairing code; an admin enters it and names the device; the
// device then receives a token it keeps and presents on every request and
// WebSocket connection. Tokens can be revoked.
package device

import (
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/hex"
	"log/slog"
	"sync"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the device schema (it references auth's users).
var Migrations = store.Embedded("device", migrationFS)

// Topic is the change-bus topic of device events ("paired", "revoked",
// "renamed"); the event ID is the device ID.
const Topic = "device"

// Kind is what a device is.
type Kind string

// The device kinds.
const (
	KindScreen Kind = "screen"
	KindKiosk  Kind = "kiosk"
)

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return k == KindScreen || k == KindKiosk }

// Device is a paired screen or kiosk.
type Device struct {
	ID           int64      `db:"id" json:"id"`
	Kind         Kind       `db:"kind" json:"kind"`
	Name         string     `db:"name" json:"name"`
	CreatedAt    time.Time  `db:"created_at" json:"created_at"`
	PairedBy     *int64     `db:"paired_by" json:"paired_by,omitempty"`
	ClaimedAt    *time.Time `db:"claimed_at" json:"claimed_at,omitempty"`
	RevokedAt    *time.Time `db:"revoked_at" json:"revoked_at,omitempty"`
	RevokedBy    *int64     `db:"revoked_by" json:"revoked_by,omitempty"`
	RevokeReason string     `db:"revoke_reason" json:"revoke_reason,omitempty"`
	LastSeenAt   *time.Time `db:"last_seen_at" json:"last_seen_at,omitempty"`
	LastIP       string     `db:"last_ip" json:"last_ip,omitempty"`
}

// Active reports whether the device holds a usable token.
func (d *Device) Active() bool { return d.RevokedAt == nil && d.ClaimedAt != nil }

const deviceColumns = "id, kind, name, created_at, paired_by, claimed_at, revoked_at, revoked_by, revoke_reason, last_seen_at, last_ip"

// Options configure a Service.
type Options struct {
	Clock  clock.Clock
	Logger *slog.Logger
	// PairingTTL is how long a pairing code stays valid (default 10 min).
	PairingTTL time.Duration
}

// Service manages devices and pairing.
type Service struct {
	db     *store.DB
	opts   Options
	tokens *tokenCache
	sub    *store.Subscription
	seen   sync.Map // device ID → seenMark: the last write of last_seen_at
}

// New returns a Service.
func New(db *store.DB, o Options) *Service {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.PairingTTL <= 0 {
		o.PairingTTL = 10 * time.Minute
	}
	s := &Service{db: db, opts: o, tokens: newTokenCache(), sub: db.Bus().Subscribe(Topic)}
	go s.tokens.follow(s.sub)
	return s
}

// Close stops following device events.
func (s *Service) Close() { s.sub.Close() }

func (s *Service) now() time.Time { return s.opts.Clock.Now() }

func newSecret() (plain, hash string) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	plain = base64.RawURLEncoding.EncodeToString(b)
	return plain, hashSecret(plain)
}

func hashSecret(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
