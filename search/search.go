// Package search is the full-text index over every published and expired
// notice, for the kiosk. It keeps its own copy of each notice's searchable
// text (search_docs), synced from the notice data and the change bus, and
// indexes it with CJK bigrams: an FTS5 table on SQLite and a tsvector with
// a GIN index on PostgreSQL, with the same tokens on both (tokens.go).
package search

import (
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the search schema.
var Migrations = store.Embedded("search", migrationFS)

// Doc is one searchable notice. Body is plain text.
type Doc struct {
	ID          int64     `db:"id" json:"id"`
	Kind        string    `db:"kind" json:"kind"`
	CategoryID  int64     `db:"category_id" json:"category_id"`
	Category    string    `db:"category" json:"category"`
	Title       string    `db:"title" json:"title"`
	IndexNo     string    `db:"index_no" json:"index_no"`
	Body        string    `db:"body" json:"-"`
	PublishedAt time.Time `db:"published_at" json:"published_at"`
	// Status is "published" or "expired".
	Status    string    `db:"status" json:"status"`
	UpdatedAt time.Time `db:"updated_at" json:"-"`
}

// Service indexes and searches documents.
type Service struct {
	db  *store.DB
	log *slog.Logger
}

// New returns a Service on db.
func New(db *store.DB, log *slog.Logger) *Service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{db: db, log: log}
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var we *web.Error
	if errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("search: unable to %s: %w", what, err)
}
