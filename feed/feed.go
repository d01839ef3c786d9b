// Package feed turns RSS 2.0, Atom and JSON feeds (for example the agency's
// own portal) into notice drafts. Each source has its own cron schedule, a
// category and kind for its items, and a trusted flag (trusted sources
// publish directly; the others produce drafts for review). A trusted
// source loses its trust, audited as feed.untrust, when anything that
// decides what it brings changes: its URL, category or kind. Items are
// deduplicated by GUID, then link; fetching uses conditional GET, timeouts,
// a size limit and a bounded number of redirects, and a broken or hostile
// feed records an error on its source and disturbs nothing else.
package feed

import (
	"context"
	"embed"
	"log/slog"
	"net/http"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the feed schema.
var Migrations = store.Embedded("feed", migrationFS)

// Source is a configured feed.
type Source struct {
	ID            int64      `db:"id" json:"id"`
	Name          string     `db:"name" json:"name"`
	URL           string     `db:"url" json:"url"`
	Spec          string     `db:"spec" json:"spec"`
	CategoryID    *int64     `db:"category_id" json:"category_id"`
	Kind          string     `db:"kind" json:"kind"`
	Trusted       bool       `db:"trusted" json:"trusted"`
	TrustedBy     *int64     `db:"trusted_by" json:"trusted_by,omitempty"`
	Enabled       bool       `db:"enabled" json:"enabled"`
	ETag          string     `db:"etag" json:"-"`
	LastModified  string     `db:"last_modified" json:"-"`
	LastCheckedAt *time.Time `db:"last_checked_at" json:"last_checked_at,omitempty"`
	LastSuccessAt *time.Time `db:"last_success_at" json:"last_success_at,omitempty"`
	LastError     string     `db:"last_error" json:"last_error,omitempty"`
	LastErrorAt   *time.Time `db:"last_error_at" json:"last_error_at,omitempty"`
	ItemsCreated  int64      `db:"items_created" json:"items_created"`
	CreatedAt     time.Time  `db:"created_at" json:"created_at"`
	UpdatedAt     time.Time  `db:"updated_at" json:"updated_at"`
}

const sourceColumns = `id, name, url, spec, category_id, kind, trusted, trusted_by, enabled, etag, last_modified, last_checked_at,
	last_success_at, last_error, last_error_at, items_created, created_at, updated_at`

// Draft is one new feed item handed to the notices.
type Draft struct {
	SourceID   int64
	SourceName string
	Title      string
	// Body is Markdown converted from the item's HTML.
	Body       string
	Link       string
	Published  *time.Time
	CategoryID *int64
	Kind       string
	// Trusted asks for direct publication; TrustedBy, the admin who marked
	// the source trusted, is its reviewer (never the feed itself).
	Trusted   bool
	TrustedBy *int64
}

// Drafter creates a notice from a feed item and returns its ID. The notices
// package implements it.
type Drafter interface {
	CreateFromFeed(ctx context.Context, d Draft) (int64, error)
}

// Options tune fetching.
type Options struct {
	// CheckTarget, when set, validates a source's category and kind (the
	// catalogue and the notices know them).
	CheckTarget func(ctx context.Context, categoryID *int64, kind string) error
	Clock       clock.Clock
	Location    *time.Location
	Logger      *slog.Logger
	// Client does the fetching; its Transport may be replaced in tests.
	Client *http.Client
	// MaxBytes bounds a feed body (default 5 MiB).
	MaxBytes int64
	// Timeout bounds one fetch (default 20 s).
	Timeout time.Duration
}

// Service manages sources and fetches them.
type Service struct {
	db      *store.DB
	drafter Drafter
	opts    Options
}

// New returns a Service. drafter may be nil until the notices are wired;
// fetching then records an error.
func New(db *store.DB, drafter Drafter, o Options) *Service {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 5 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	if o.Client == nil {
		o.Client = &http.Client{}
	}
	c := *o.Client
	c.CheckRedirect = checkRedirect
	o.Client = &c
	return &Service{db: db, drafter: drafter, opts: o}
}

// SetDrafter wires the notices in.
func (s *Service) SetDrafter(d Drafter) { s.drafter = d }
