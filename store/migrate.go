package store

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// Migrations are the ordered, append-only schema changes of one component
// (usually one domain package). FS holds sqlite/NNNN_name.sql and
// postgres/NNNN_name.sql, numbered from 0001 without gaps, the same numbers
// in both folders.
type Migrations struct {
	Component string
	FS        fs.FS
}

type migration struct {
	version int
	name    string
	sql     string
}

// load reads the migrations of one dialect, checking the numbering.
func (m Migrations) load(d Dialect) ([]migration, error) {
	dir := string(d)
	entries, err := fs.ReadDir(m.FS, dir)
	if err != nil {
		return nil, fmt.Errorf("store: %s migrations for %s: %w", m.Component, dir, err)
	}
	var out []migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("store: %s migration %q: want NNNN_name.sql", m.Component, e.Name())
		}
		b, err := fs.ReadFile(m.FS, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("store: %s migration %q: %w", m.Component, e.Name(), err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, mg := range out {
		if mg.version != i+1 {
			return nil, fmt.Errorf("store: %s migrations: want version %d, found %s", m.Component, i+1, mg.name)
		}
	}
	return out, nil
}

// Versions returns, per component, the latest applied migration version.
func (d *DB) Versions(ctx context.Context) (map[string]int, error) {
	conn, err := d.write.Connx(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read the schema version: %w", err)
	}
	defer conn.Close()
	return versions(ctx, conn)
}

func versions(ctx context.Context, conn *sqlx.Conn) (map[string]int, error) {
	if _, err := conn.ExecContext(ctx, createVersionTable); err != nil {
		return nil, fmt.Errorf("store: unable to create the version table: %w", err)
	}
	var rows []struct {
		Component string `db:"component"`
		Version   int    `db:"version"`
	}
	if err := conn.SelectContext(ctx, &rows, "SELECT component, MAX(version) AS version FROM schema_migrations GROUP BY component"); err != nil {
		return nil, fmt.Errorf("store: unable to read the schema version: %w", err)
	}
	out := map[string]int{}
	for _, r := range rows {
		out[r.Component] = r.Version
	}
	return out, nil
}

const createVersionTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	component TEXT NOT NULL,
	version INTEGER NOT NULL,
	name TEXT NOT NULL,
	applied_at TIMESTAMP NOT NULL,
	PRIMARY KEY (component, version)
)`

// Migrate applies every pending migration of the given components in order,
// each in its own transaction. It refuses, before changing anything, a
// database that a newer hallcast has migrated. It returns how many
// migrations it applied.
func (d *DB) Migrate(ctx context.Context, sets ...Migrations) (int, error) {
	all := make([][]migration, len(sets))
	known := map[string]int{}
	for i, s := range sets {
		ms, err := s.load(d.dialect)
		if err != nil {
			return 0, err
		}
		all[i] = ms
		known[s.Component] = len(ms)
	}
	conn, err := d.write.Connx(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: unable to migrate: %w", err)
	}
	defer conn.Close()
	if d.dialect == Postgres {
		// Instances starting together migrate one after another.
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(hashtext('hallcast_migrate:' || current_schema()))"); err != nil {
			return 0, fmt.Errorf("store: unable to lock for migration: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(hashtext('hallcast_migrate:' || current_schema()))")
	}
	current, err := versions(ctx, conn)
	if err != nil {
		return 0, err
	}
	for comp, v := range current {
		if n, ok := known[comp]; !ok || v > n {
			return 0, &NewerError{Component: comp, Database: v, Code: n}
		}
	}
	applied := 0
	for i, s := range sets {
		for _, m := range all[i][current[s.Component]:] {
			if err := d.apply(ctx, conn, s.Component, m); err != nil {
				return applied, err
			}
			applied++
		}
	}
	return applied, nil
}

// separateDirective, as a migration's first line, commits the migration in
// a transaction of its own before a second one records its version. A
// SQLite transaction that writes the main file and an attached one is
// atomic in each file but not across them (WAL), and SQLite commits the
// main file first: a migration that writes only an attached file must not
// have its version recorded, in the main file, without its changes. Such
// a migration runs again after a crash between the two commits, so it
// must be safe to repeat (IF NOT EXISTS, INSERT OR IGNORE).
const separateDirective = "-- store: separate commit"

// execInTx runs sql in a transaction of its own on conn.
func execInTx(ctx context.Context, conn *sqlx.Conn, sql string) error {
	tx, err := conn.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, sql); err != nil {
		return err
	}
	return tx.Commit()
}

func (d *DB) apply(ctx context.Context, conn *sqlx.Conn, component string, m migration) error {
	tx, err := conn.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migration %s/%s: %w", component, m.name, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.GetContext(ctx, &n, d.rebind("SELECT COUNT(*) FROM schema_migrations WHERE component = ? AND version = ?"), component, m.version); err != nil {
		return fmt.Errorf("store: migration %s/%s: %w", component, m.name, err)
	}
	if n > 0 {
		return nil // another instance applied it meanwhile
	}
	if strings.HasPrefix(m.sql, separateDirective) {
		// Commit the migration alone, then record it in a second
		// transaction (another instance cannot interleave: SQLite has
		// one writer, PostgreSQL holds the migration lock).
		if err := tx.Rollback(); err != nil {
			return fmt.Errorf("store: migration %s/%s: %w", component, m.name, err)
		}
		if err := execInTx(ctx, conn, m.sql); err != nil {
			return fmt.Errorf("store: migration %s/%s: %w", component, m.name, err)
		}
		if tx, err = conn.BeginTxx(ctx, nil); err != nil {
			return fmt.Errorf("store: migration %s/%s: %w", component, m.name, err)
		}
		defer tx.Rollback()
	} else if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("store: migration %s/%s: %w", component, m.name, err)
	}
	if _, err := tx.ExecContext(ctx, d.rebind("INSERT INTO schema_migrations (component, version, name, applied_at) VALUES (?, ?, ?, ?)"),
		component, m.version, m.name, time.Now().UTC().Truncate(time.Microsecond)); err != nil {
		return fmt.Errorf("store: migration %s/%s: %w", component, m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: migration %s/%s: %w", component, m.name, err)
	}
	d.log.Info("store: migrated", "component", component, "migration", m.name)
	return nil
}

// NewerError means the database was migrated by a newer hallcast.
type NewerError struct {
	Component string
	Database  int
	Code      int
}

func (e *NewerError) Error() string {
	if e.Code == 0 {
		return fmt.Sprintf("store: the database has schema component %q that this hallcast does not know; it was written by a newer version: upgrade hallcast or restore a backup (nothing was changed)", e.Component)
	}
	return fmt.Sprintf("store: the database schema %q is at version %d but this hallcast knows only %d; it was written by a newer version: upgrade hallcast or restore a backup (nothing was changed)", e.Component, e.Database, e.Code)
}

// Embedded returns the migrations of a component from the "migrations"
// folder of an embedded file system:
//
//	//go:embed migrations
//	var migrationFS embed.FS
//	var Migrations = store.Embedded("notice", migrationFS)
func Embedded(component string, f fs.FS) Migrations {
	sub, err := fs.Sub(f, "migrations")
	if err != nil {
		panic("store: migrations of " + component + ": " + err.Error())
	}
	return Migrations{Component: component, FS: sub}
}
