// Package catalogue keeps the disclosure catalogue (政府信息公开目录): a
// configurable tree of categories, each with an update cadence (R8) and a
// default notice period (R7), and the per-category sequences of index
// numbers (索引号, R2).
//
// It is seeded on first start with the proactive-disclosure headings of the
// regulation (政府信息公开条例 第二十条、第二十一条) and the usual local
// ones; admins edit the tree afterwards.
package catalogue

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the catalogue schema.
var Migrations = store.Embedded("catalogue", migrationFS)

// Topic is the change-bus topic published when the tree changes.
const Topic = "catalogue"

// Activity tells the catalogue how its categories are used. The notice
// package implements it; the server wires it with SetActivity.
type Activity interface {
	// LastPublished returns, per category ID, when a notice in it was last
	// published.
	LastPublished(ctx context.Context) (map[int64]time.Time, error)
	// Uses counts the notices filed under a category.
	Uses(ctx context.Context, categoryID int64) (int, error)
}

// Service reads and edits the catalogue.
type Service struct {
	db       *store.DB
	clock    clock.Clock
	loc      *time.Location
	activity Activity
}

// New returns a Service. loc is the hall's time zone, in which cadences
// are counted.
func New(db *store.DB, c clock.Clock, loc *time.Location) *Service {
	if loc == nil {
		loc = time.Local
	}
	return &Service{db: db, clock: c, loc: loc}
}

// SetActivity wires the source of publication dates and usage counts.
func (s *Service) SetActivity(a Activity) { s.activity = a }

// wrap adds the package prefix to unexpected errors and passes typed web
// errors through.
func wrap(what string, err error) error {
	var we *web.Error
	if err == nil || errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("catalogue: unable to %s: %w", what, err)
}
