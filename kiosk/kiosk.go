// Package kiosk is the citizen-facing API of the touch kiosk: browsing the
// catalogue and service guides, search, ratings, suggestions, disclosure
// requests and their status lookups, the kiosk sessions that bound one
// rating per visit, and the push handler that tells kiosks when content
// changed. Every route needs a paired kiosk's device token (no cookies).
package kiosk

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/suggestion"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the kiosk schema (it references devices).
var Migrations = store.Embedded("kiosk", migrationFS)

// Calendars gives the working-day calendar in force.
type Calendars interface {
	Calendar(ctx context.Context) (*calendar.Calendar, error)
}

// Options wire the API to the domain services.
type Options struct {
	DB          *store.DB
	Content     Content
	Search      *search.Service
	Ratings     *rating.Service
	Suggestions *suggestion.Service
	Disclosure  *disclosure.Service
	Calendar    Calendars
	Clock       clock.Clock
	Location    *time.Location
	Logger      *slog.Logger
	// Idle returns the idle settings; RatingConfig the rating options.
	Idle         func(ctx context.Context) Idle
	RatingConfig func(ctx context.Context) rating.Config
	// Lockout counts the misses of status look-ups, as LookupProtection
	// says; nil counts nothing.
	Lockout          *lockout.Guard
	LookupProtection func(ctx context.Context) LookupProtection
}

// API serves the kiosk routes.
type API struct{ o Options }

// New returns an API.
func New(o Options) *API {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Idle == nil {
		o.Idle = func(context.Context) Idle { return DefaultIdle() }
	}
	if o.LookupProtection == nil {
		o.LookupProtection = func(context.Context) LookupProtection { return DefaultLookupProtection() }
	}
	if o.RatingConfig == nil {
		o.RatingConfig = func(context.Context) rating.Config { return rating.DefaultConfig() }
	}
	return &API{o: o}
}

func (a *API) today() calendar.Date { return calendar.DateOf(a.o.Clock.Now().In(a.o.Location)) }

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var we *web.Error
	if errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("kiosk: unable to %s: %w", what, err)
}
