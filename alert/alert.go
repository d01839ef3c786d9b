// Package alert tells people when something needs them (电子监察): it
// watches conditions (a deadline near or missed, a category past its
// cadence, a screen offline in opening hours, an emergency not confirmed, a
// failed job, a missing holiday list, a failed import, a full disk) and
// sends one message when a condition starts, a reminder at a set interval
// and one when it clears, to the channels of a recipient group: e-mail over
// SMTP, the group robots of 企业微信, 钉钉 and 飞书, and a generic JSON
// webhook.
//
// Conditions are registered by the server (Register); rules say which are
// on, with which threshold and for which group. Messages go through a
// persistent outbox that a worker on every instance drains: a row is
// claimed by one instance (a lease), sent, logged with the answer and
// retried with backoff, so nothing blocks the request or job that raised
// it and nothing is lost at a restart. Quiet hours hold non-urgent
// messages for one morning digest per channel.
package alert

import (
	"crypto/rand"
	"crypto/x509"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the alert schema.
var Migrations = store.Embedded("alert", migrationFS)

// Topic is the change-bus topic published when messages were queued, so
// that the workers of other instances look at the outbox at once.
const Topic = "alerts"

// Options configure a Service.
type Options struct {
	DB       *store.DB
	Clock    clock.Clock
	Location *time.Location
	Logger   *slog.Logger
	// Settings holds quiet hours, opening hours and the suggestion reply
	// time (Settings()); nil uses their defaults.
	Settings *settings.Service
	// Key seals the channels' secrets (32 bytes, LoadOrCreateKey).
	Key []byte
	// BaseURL, when set, links messages to the admin's alerts page.
	BaseURL string
	// RootCAs verifies SMTP and HTTPS servers (nil: the system's roots).
	RootCAs *x509.CertPool
}

// Service keeps channels, groups and rules, evaluates conditions and
// sends messages.
type Service struct {
	db       *store.DB
	opts     Options
	log      *slog.Logger
	seal     *sealer
	http     *http.Client
	instance string

	mu    sync.RWMutex
	conds map[string]Condition
	order []string

	evalMu sync.Mutex // one evaluation at a time on this instance
	kick   chan struct{}
	stop   chan struct{}
	done   chan struct{}
	sends  sync.WaitGroup
}

// New returns a Service; Register conditions, then Start it.
func New(o Options) (*Service, error) {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	seal, err := newSealer(o.Key)
	if err != nil {
		return nil, err
	}
	if o.Settings != nil {
		register(o.Settings)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return &Service{db: o.DB, opts: o, log: o.Logger, seal: seal, http: newHTTPClient(o.RootCAs), instance: hex.EncodeToString(b),
		conds: map[string]Condition{}, kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}, nil
}

func (s *Service) now() time.Time { return s.opts.Clock.Now().UTC().Truncate(time.Microsecond) }

// wrap adds the package prefix to unexpected errors and passes typed web
// errors through.
func wrap(what string, err error) error {
	var we *web.Error
	if err == nil || errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("alert: unable to %s: %w", what, err)
}
