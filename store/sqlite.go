package store

import (
	"context"
	"fmt"
	"net/url"
	"runtime"

	"github.com/jmoiron/sqlx"
)

// sqliteDSN builds a modernc.org/sqlite DSN. Times are written in UTC in a
// fixed, sortable format so comparisons in SQL are correct.
func sqliteDSN(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Add("_pragma", "mmap_size(0)")
	q.Set("_time_format", "sqlite")
	q.Set("_timezone", "UTC")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

func openSQLite(ctx context.Context, o Options) (read, write, hot *sqlx.DB, err error) {
	write, err = openSQLitePool(o.SQLitePath, false)
	if err != nil {
		return nil, nil, nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxIdleTime(0)
	write.SetConnMaxLifetime(0)
	// WAL is a property of each file: set it once through the writer.
	for _, schema := range []string{"main", RecordsSchema} {
		var mode string
		if err := write.QueryRowContext(ctx, "PRAGMA "+schema+".journal_mode=WAL").Scan(&mode); err != nil {
			write.Close()
			return nil, nil, nil, fmt.Errorf("store: unable to open %s (%s): %w", o.SQLitePath, schema, err)
		}
		if mode != "wal" {
			write.Close()
			return nil, nil, nil, fmt.Errorf("store: %s (%s): journal mode is %q, want wal", o.SQLitePath, schema, mode)
		}
	}
	if err := pairFiles(ctx, write, o.SQLitePath); err != nil {
		write.Close()
		return nil, nil, nil, err
	}
	read, err = openSQLiteReaders(ctx, o.SQLitePath, o.MaxConns)
	if err != nil {
		write.Close()
		return nil, nil, nil, err
	}
	hot, err = openSQLiteReaders(ctx, o.SQLitePath, min(runtime.GOMAXPROCS(0), o.MaxConns))
	if err != nil {
		read.Close()
		write.Close()
		return nil, nil, nil, err
	}
	return read, write, hot, nil
}

// openSQLiteReaders opens a pool of n read-only connections.
func openSQLiteReaders(ctx context.Context, path string, n int) (*sqlx.DB, error) {
	read, err := openSQLitePool(path, true)
	if err != nil {
		return nil, err
	}
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	if err := read.PingContext(ctx); err != nil {
		read.Close()
		return nil, fmt.Errorf("store: unable to open %s: %w", path, err)
	}
	return read, nil
}
