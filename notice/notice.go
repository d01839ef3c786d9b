// Package notice holds the disclosed information that screens rotate and
// kiosks show: notices and their versions, the review workflow (R4), the
// 三同步 links between policy documents and their interpretations (R5), the
// de-identification guard (R6), notice periods computed with the workday
// calendar (R3, R7), attachments, statistics, and the change events that
// tell screens and kiosks to reload.
//
// A notice keeps its identity and index number for life; its content lives
// in numbered versions. Editing an approved, scheduled or published notice
// creates a new version that is reviewed again while the old one stays
// live. Every version is kept.
package notice

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the notice schema. They reference the auth (users) and
// catalogue schemas, so they run after those.
var Migrations = store.Embedded("notice", migrationFS)

// Calendars gives the current workday calendar (calendar.Service does).
type Calendars interface {
	Calendar(ctx context.Context) (*calendar.Calendar, error)
}

// GroupChecker validates target screen group IDs. The display package
// implements it; the server wires it. Exists returns nil when every ID
// names a group, else an error saying which do not (a *web.Error is
// passed to the client as it is).
type GroupChecker interface {
	Exists(ctx context.Context, ids []int64) error
}

// Options configure a Service.
type Options struct {
	DB    *store.DB
	Clock clock.Clock
	// Location is the hall's time zone: publication dates, notice periods
	// and statistics months are counted in it.
	Location *time.Location
	Calendar Calendars
	// Settings holds the masking policy and the organisation code;
	// New registers both keys.
	Settings *settings.Service
	// Groups validates target screen groups; nil accepts any positive IDs.
	Groups GroupChecker
	// UploadLimit is the largest attachment, in bytes.
	UploadLimit int64
	Logger      *slog.Logger
}

// Service is the notice domain.
type Service struct {
	db       *store.DB
	clock    clock.Clock
	loc      *time.Location
	cal      Calendars
	settings *settings.Service
	groups   GroupChecker
	limit    int64
	log      *slog.Logger
}

// New returns a Service and registers its settings.
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
	if o.UploadLimit <= 0 {
		o.UploadLimit = 20 << 20
	}
	s := &Service{db: o.DB, clock: o.Clock, loc: o.Location, cal: o.Calendar, settings: o.Settings,
		groups: o.Groups, limit: o.UploadLimit, log: o.Logger}
	if o.Settings != nil {
		RegisterSettings(o.Settings)
	}
	return s
}

// SetGroupChecker wires the screen-group validator after construction.
func (s *Service) SetGroupChecker(g GroupChecker) { s.groups = g }

// now is the current time, truncated as the database keeps it.
func (s *Service) now() time.Time { return s.clock.Now().Truncate(time.Microsecond) }

// today is the current date in the hall.
func (s *Service) today() calendar.Date { return calendar.DateOf(s.clock.Now().In(s.loc)) }

// wrap adds the package prefix to unexpected errors and passes typed web
// errors through.
func wrap(what string, err error) error {
	var we *web.Error
	if err == nil || errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("notice: unable to %s: %w", what, err)
}
