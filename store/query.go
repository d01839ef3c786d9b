package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Querier runs queries written with ? placeholders on either dialect. Both
// *DB and *Tx implement it, so domain functions can run inside or outside a
// transaction.
type Querier interface {
	Get(ctx context.Context, dest any, query string, args ...any) error
	Select(ctx context.Context, dest any, query string, args ...any) error
	Exec(ctx context.Context, query string, args ...any) (sql.Result, error)
	Dialect() Dialect
}

// ErrNotFound is returned by Get when no row matched (it wraps sql.ErrNoRows).
var ErrNotFound = sql.ErrNoRows

// IsNotFound reports whether err means that no row matched.
func IsNotFound(err error) bool { return errors.Is(err, sql.ErrNoRows) }

func (d *DB) rebind(q string) string {
	if d.dialect == Postgres {
		return sqlx.Rebind(sqlx.DOLLAR, q)
	}
	return q
}

// normArgs truncates times to microseconds, the precision both dialects
// keep, so a value reads back equal on SQLite and PostgreSQL.
func normArgs(args []any) []any {
	for i, a := range args {
		switch v := a.(type) {
		case time.Time:
			args[i] = v.UTC().Truncate(time.Microsecond)
		case *time.Time:
			if v != nil {
				t := v.UTC().Truncate(time.Microsecond)
				args[i] = t
			}
		}
	}
	return args
}

// Get reads one row into dest from the read pool.
func (d *DB) Get(ctx context.Context, dest any, query string, args ...any) error {
	return d.read.GetContext(ctx, dest, d.rebind(query), normArgs(args)...)
}

// Select reads rows into the slice dest from the read pool.
func (d *DB) Select(ctx context.Context, dest any, query string, args ...any) error {
	return d.read.SelectContext(ctx, dest, d.rebind(query), normArgs(args)...)
}

// Exec runs one statement on the writer.
func (d *DB) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return d.write.ExecContext(ctx, d.rebind(query), normArgs(args)...)
}

// Rebind rewrites ? placeholders for the dialect, for callers that use the
// pools directly.
func (d *DB) Rebind(query string) string { return d.rebind(query) }

// Tx is a write transaction. Events published on it reach the bus only
// after a successful commit.
type Tx struct {
	tx     *sqlx.Tx
	d      *DB
	events []Event
	after  []func()
}

// Tx runs fn in a write transaction, committing when fn returns nil and
// rolling back otherwise. After the commit, the AfterCommit hooks run
// first and then the events published with tx.Publish go out, so this
// instance's own state already holds the change when a subscriber here
// hears of it (and need not load it again). Hooks must be quick.
func (d *DB) Tx(ctx context.Context, fn func(tx *Tx) error) error {
	stx, err := d.write.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: unable to begin a transaction: %w", err)
	}
	tx := &Tx{tx: stx, d: d}
	if err := fn(tx); err != nil {
		if rerr := stx.Rollback(); rerr != nil && !errors.Is(rerr, sql.ErrTxDone) {
			d.log.Error("store: rollback failed", "err", rerr)
		}
		return err
	}
	if err := stx.Commit(); err != nil {
		return fmt.Errorf("store: unable to commit: %w", err)
	}
	for _, f := range tx.after {
		f()
	}
	for _, ev := range tx.events {
		if err := d.bus.Publish(context.WithoutCancel(ctx), ev); err != nil {
			d.log.Error("store: unable to publish a change event", "topic", ev.Topic, "err", err)
		}
	}
	return nil
}

// Dialect reports the dialect of the database.
func (t *Tx) Dialect() Dialect { return t.d.dialect }

// Get reads one row into dest.
func (t *Tx) Get(ctx context.Context, dest any, query string, args ...any) error {
	return t.tx.GetContext(ctx, dest, t.d.rebind(query), normArgs(args)...)
}

// Select reads rows into the slice dest.
func (t *Tx) Select(ctx context.Context, dest any, query string, args ...any) error {
	return t.tx.SelectContext(ctx, dest, t.d.rebind(query), normArgs(args)...)
}

// Exec runs one statement.
func (t *Tx) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.d.rebind(query), normArgs(args)...)
}

// Publish queues a change event to go out once the transaction commits.
func (t *Tx) Publish(ev Event) { t.events = append(t.events, ev) }

// AfterCommit runs f once the transaction has committed, before its
// events are published.
func (t *Tx) AfterCommit(f func()) { t.after = append(t.after, f) }

// Sqlx exposes the underlying transaction for bulk work (prepared
// statements, COPY); placeholders must then be rebound by the caller.
func (t *Tx) Sqlx() *sqlx.Tx { return t.tx }
