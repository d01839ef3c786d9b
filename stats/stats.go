// Package stats keeps daily figures (kiosk visits, ratings, suggestions,
// ...) rolled up from the raw logs of other packages, so that statistics
// outlive the logs' retention and reports do not rescan raw rows. Each
// package computes its own figures (it owns its SQL) through a Source; a
// nightly job stores them per day.
package stats

import (
	"context"
	"embed"
	"fmt"
	"log/slog"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the stats schema.
var Migrations = store.Embedded("stats", migrationFS)

// Row is one figure of one day.
type Row struct {
	Metric  string `db:"metric" json:"metric"`
	Subject int64  `db:"subject" json:"subject"`
	Value   int64  `db:"value" json:"value"`
}

// Source computes the figures of the period [from, to) from its own raw
// data. Metrics are named "<package>.<figure>", e.g. "kiosk.visits".
type Source interface {
	DailyStats(ctx context.Context, from, to time.Time) ([]Row, error)
}

// SourceFunc adapts a function to a Source.
type SourceFunc func(ctx context.Context, from, to time.Time) ([]Row, error)

// DailyStats calls f.
func (f SourceFunc) DailyStats(ctx context.Context, from, to time.Time) ([]Row, error) {
	return f(ctx, from, to)
}

// Options configure a Service.
type Options struct {
	Clock clock.Clock
	// Location is where days begin and end (the hall's time zone).
	Location *time.Location
	// FirstDays is how far back the first roll-up reaches (default 400).
	FirstDays int
	Logger    *slog.Logger
}

// Service rolls up and serves daily figures.
type Service struct {
	db      *store.DB
	o       Options
	sources []Source
}

// New returns a Service.
func New(db *store.DB, o Options) *Service {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.FirstDays <= 0 {
		o.FirstDays = 400
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Service{db: db, o: o}
}

// Add registers a source; call it before the first roll-up.
func (s *Service) Add(src Source) { s.sources = append(s.sources, src) }

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("stats: unable to %s: %w", what, err)
}
