// Package store opens the database (embedded SQLite by default, PostgreSQL on
// the scale path), applies the migrations each domain package owns, and
// carries change events between the packages and across instances.
package store

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/jmoiron/sqlx"
)

// Dialect names the SQL dialect of an open database.
type Dialect string

// The supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Options say which database to open.
type Options struct {
	// URL is a postgres:// URL; empty selects SQLite at SQLitePath.
	URL string
	// SQLitePath is the SQLite database file; its folder is created.
	SQLitePath string
	// MaxConns bounds the PostgreSQL pool and the SQLite reader pool.
	MaxConns int
	// BusChannel is the PostgreSQL NOTIFY channel of the change bus.
	// Instances sharing a database must use the same channel.
	BusChannel string
	// Logger receives the store's own messages.
	Logger *slog.Logger
}

// DB is an open database. On SQLite it holds two pools: many read-only
// readers and a single writer, so writers queue in Go instead of spinning on
// SQLITE_BUSY. On PostgreSQL both are the same pool.
type DB struct {
	dialect Dialect
	read    *sqlx.DB
	write   *sqlx.DB
	hot     *sqlx.DB // short, hot reads; see HotReader
	bus     *Bus
	log     *slog.Logger
	path    string // the SQLite file; empty on PostgreSQL
}

// Open opens the database and starts its change bus. It does not migrate.
func Open(ctx context.Context, o Options) (*DB, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.MaxConns <= 0 {
		o.MaxConns = 10
	}
	if o.BusChannel == "" {
		o.BusChannel = "hallcast_events"
	}
	d := &DB{log: o.Logger}
	var err error
	if o.URL != "" {
		d.dialect = Postgres
		d.read, err = openPostgres(ctx, o)
		d.write, d.hot = d.read, d.read
	} else {
		d.dialect = SQLite
		d.path = o.SQLitePath
		if err := os.MkdirAll(filepath.Dir(o.SQLitePath), 0o750); err != nil {
			return nil, fmt.Errorf("store: unable to create the data folder: %w", err)
		}
		d.read, d.write, d.hot, err = openSQLite(ctx, o)
	}
	if err != nil {
		return nil, err
	}
	d.bus = newBus(o.Logger)
	if d.dialect == Postgres {
		if err := d.bus.listenPostgres(ctx, o.URL, o.BusChannel, d.write); err != nil {
			d.Close()
			return nil, err
		}
	}
	return d, nil
}

// Dialect reports which SQL dialect the database speaks.
func (d *DB) Dialect() Dialect { return d.dialect }

// Bus is the change bus of this database.
func (d *DB) Bus() *Bus { return d.bus }

// Reader is the read pool, for queries this package's helpers do not cover.
func (d *DB) Reader() *sqlx.DB { return d.read }

// HotReader is the pool for short, frequent reads of large tables that
// must stay fast under load (kiosk archive lookups). On SQLite it is a
// separate pool of as many readers as there are CPUs: each connection has
// its own page cache of each file, and a few connections that each serve
// many reads keep theirs warmer than many that each serve few (the
// records file, which only imports write, is also memory-mapped; see
// RecordsSchema). On PostgreSQL it is the one pool.
func (d *DB) HotReader() *sqlx.DB { return d.hot }

// Writer is the write pool (a single connection on SQLite).
func (d *DB) Writer() *sqlx.DB { return d.write }

// Ping checks that the database answers, for readiness probes.
func (d *DB) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := d.write.PingContext(ctx); err != nil {
		return fmt.Errorf("store: database unreachable: %w", err)
	}
	return nil
}

// Close stops the bus and closes the pools.
func (d *DB) Close() error {
	if d.bus != nil {
		d.bus.close()
	}
	err := d.read.Close()
	for _, p := range []*sqlx.DB{d.write, d.hot} {
		if p != nil && p != d.read {
			if perr := p.Close(); err == nil {
				err = perr
			}
		}
	}
	return err
}
