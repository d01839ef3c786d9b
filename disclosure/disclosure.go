// Package disclosure handles 依申请公开 requests (R1): the application as
// the regulation's form asks for it, a tracking number, the event log
// from which the reply deadline is computed (clock.go), the admins'
// actions and the public status lookup.
package disclosure

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the disclosure schema (it references devices and users).
var Migrations = store.Embedded("disclosure", migrationFS)

// Topic is the change-bus topic of request events (ID: the request).
const Topic = "disclosure"

// Calendars gives the working-day calendar in force (calendar.Service
// does; a fixed calendar in tests).
type Calendars interface {
	Calendar(ctx context.Context) (*calendar.Calendar, error)
}

// Options configure a Service.
type Options struct {
	Clock    clock.Clock
	Location *time.Location // the hall's zone, for "today"
	Calendar Calendars
	Policy   privacy.Policy
	Logger   *slog.Logger
	// DueSoonDays says how many working days before the deadline a request
	// is flagged as due soon (default 3).
	DueSoonDays func(ctx context.Context) int
	// UploadLimit is the largest scanned application, in bytes (default
	// 20 MB; the server passes its upload limit).
	UploadLimit int64
	// Keys seal the applicants' personal data (required).
	Keys *sealed.Keyring
}

// Service stores and processes requests.
type Service struct {
	db   *store.DB
	opts Options
}

// New returns a Service. It panics without Options.Keys.
func New(db *store.DB, o Options) *Service {
	if o.Keys == nil {
		panic("disclosure: New needs the contact keys (Options.Keys)")
	}
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Policy == (privacy.Policy{}) {
		o.Policy = privacy.DefaultPolicy()
	}
	if o.UploadLimit <= 0 {
		o.UploadLimit = 20 << 20
	}
	if o.DueSoonDays == nil {
		o.DueSoonDays = func(context.Context) int { return 3 }
	}
	return &Service{db: db, opts: o}
}

func (s *Service) today() calendar.Date {
	return calendar.DateOf(s.opts.Clock.Now().In(s.opts.Location))
}

func (s *Service) calendar(ctx context.Context) (*calendar.Calendar, error) {
	cal, err := s.opts.Calendar.Calendar(ctx)
	if err != nil {
		return nil, wrap("load the working-day calendar", err)
	}
	return cal, nil
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var we *web.Error
	if errors.As(err, &we) {
		return err
	}
	var nc *calendar.NotCoveredError
	if errors.As(err, &nc) {
		return web.State("the working-day calendar has no holiday list for %d; load it on the calendar page", nc.Year)
	}
	return fmt.Errorf("disclosure: unable to %s: %w", what, err)
}
