package calendar

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the schema of the stored holiday lists.
var Migrations = store.Embedded("calendar", migrationFS)

// Topic is the change-bus topic published when a holiday list changes;
// Data is {"year": 2026}.
const Topic = "calendar"

// Service keeps the holiday lists in the database (seeded from Builtin on
// first start, imported from holiday-cn files, edited day by day) and
// serves a cached *Calendar built from them. Edits made on any instance
// reach every instance's cache through the change bus.
type Service struct {
	db    *store.DB
	clock clock.Clock
	loc   *time.Location
	mu    sync.Mutex
	cal   *Calendar
	// gen counts invalidations, so that a build racing with an edit is
	// not cached.
	gen  uint64
	sub  *store.Subscription
	deps dependents
}

// NewService returns a Service on db and starts watching the bus. loc is
// the hall's zone, for "today" (nil: UTC).
func NewService(db *store.DB, c clock.Clock, loc *time.Location) *Service {
	if loc == nil {
		loc = time.UTC
	}
	s := &Service{db: db, clock: c, loc: loc, sub: db.Bus().Subscribe(Topic)}
	go func() {
		for range s.sub.C {
			s.invalidate()
		}
	}()
	return s
}

// Close stops watching the bus.
func (s *Service) Close() { s.sub.Close() }

func (s *Service) invalidate() {
	s.mu.Lock()
	s.cal = nil
	s.gen++
	s.mu.Unlock()
}

// Calendar returns the Calendar of every stored year, Provisional for the
// years without a list (R3: a missing list never refuses anything). It is cached
// until a list changes; callers must not keep it for long (read it again
// per computation, it is cheap).
func (s *Service) Calendar(ctx context.Context) (*Calendar, error) {
	s.mu.Lock()
	cal, gen := s.cal, s.gen
	s.mu.Unlock()
	if cal != nil {
		return cal, nil
	}
	years, err := s.Years(ctx)
	if err != nil {
		return nil, err
	}
	cal, err = New(years, Provisional())
	if err != nil {
		return nil, fmt.Errorf("calendar: stored lists are inconsistent: %w", err)
	}
	s.mu.Lock()
	if s.gen == gen {
		s.cal = cal
	}
	s.mu.Unlock()
	return cal, nil
}

// End returns the last day of period p starting after start, by the stored
// lists, provisional for years without one (see Calendar.Provisional).
func (s *Service) End(ctx context.Context, start Date, p Period) (Date, error) {
	cal, err := s.Calendar(ctx)
	if err != nil {
		return Date{}, err
	}
	return p.End(start, cal)
}

// wrap adds the package prefix to unexpected errors and passes typed web
// errors through.
func wrap(what string, err error) error {
	var we *web.Error
	if errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("calendar: unable to %s: %w", what, err)
}
