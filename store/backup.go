package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/jmoiron/sqlx"
)

// ErrNotSQLite is returned by SQLite-only operations on PostgreSQL.
var ErrNotSQLite = errors.New("store: only the embedded SQLite database can be copied this way; back up PostgreSQL with pg_dump")

// Backup writes a consistent copy of the SQLite database to dest with
// VACUUM INTO, on a connection of its own: readers and the writer go on
// meanwhile (WAL). dest must not exist.
func (d *DB) Backup(ctx context.Context, dest string) error {
	if d.dialect != SQLite {
		return ErrNotSQLite
	}
	if strings.ContainsRune(dest, '\'') {
		return fmt.Errorf("store: backup path %q must not contain a quote", dest)
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("store: backup %s already exists", dest)
	}
	conn, err := sqlx.Open("sqlite", sqliteDSN(d.path, false))
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO '"+dest+"'"); err != nil {
		os.Remove(dest)
		return fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	return nil
}
