// Package display is the screens domain: screen groups, screens and their
// profiles, playlists and their items, schedules (dayparts) and power
// schedules, the resolution of what a screen plays at an instant (the
// "playlist" frame of docs/protocol.md), a day's timeline, and the push
// handler that keeps every connected screen on the right playlist.
package display

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the screens schema; they reference the device schema.
var Migrations = store.Embedded("display", migrationFS)

// Topic is the change-bus topic of screen, group, playlist and schedule
// changes. The event ID is the changed object's ID; Data says what.
const Topic = "display"

// Notices reads the public notices (notice.Service does).
type Notices interface {
	Published(ctx context.Context, f notice.PublicFilter) ([]notice.PublicNotice, error)
}

// Calendars gives the current workday calendar (calendar.Service does).
type Calendars interface {
	Calendar(ctx context.Context) (*calendar.Calendar, error)
}

// StatsSource gives the hall statistics the stats widget shows.
type StatsSource interface {
	HallStats(ctx context.Context) (map[string]any, error)
}

// Options configure a Service.
type Options struct {
	DB    *store.DB
	Clock clock.Clock
	// Location is the hall's time zone: schedules are in its local time.
	Location *time.Location
	Notices  Notices
	Calendar Calendars
	// Policy returns the masking policy (R6) of ticker texts; notices come
	// masked (their stored public text). Nil uses the default.
	Policy func(ctx context.Context) (privacy.Policy, error)
	// Stats feeds the stats widget; nil shows an empty one.
	Stats StatsSource
	// Devices pairs screens (device.Service does).
	Devices Pairer
	Logger  *slog.Logger
}

// Service is the screens domain.
type Service struct {
	db    *store.DB
	clock clock.Clock
	loc   *time.Location
	opts  Options
	log   *slog.Logger
}

// New returns a Service.
func New(o Options) *Service {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Service{db: o.DB, clock: o.Clock, loc: o.Location, opts: o, log: o.Logger}
}

// Location is the hall's time zone.
func (s *Service) Location() *time.Location { return s.loc }

// now is the current time, truncated as the database keeps it.
func (s *Service) now() time.Time { return s.clock.Now().Truncate(time.Microsecond) }

// wrap adds the package prefix to unexpected errors and passes typed web
// errors through.
func wrap(what string, err error) error {
	var we *web.Error
	if err == nil || errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("display: unable to %s: %w", what, err)
}
