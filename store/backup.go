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

// backupAttempts bounds the copies Backup makes before it gives up on a
// pair that check keeps refusing.
const backupAttempts = 3

// BackupCheck inspects a finished copy (read-only, with its records file
// attached as on a live database) and returns an error if the files of
// the pair do not agree.
type BackupCheck func(ctx context.Context, copy *sqlx.DB) error

// Backup writes a consistent copy of the SQLite database to dest and of
// its records file to AttachedPath(dest, RecordsSchema), each with VACUUM
// INTO on a connection of its own: readers and the writer go on meanwhile
// (WAL). Each file is a snapshot of one instant, but the two instants
// differ: check, if given, tells whether something changed between them
// that leaves the pair inconsistent, and the copy is then made again.
// dest must not exist.
func (d *DB) Backup(ctx context.Context, dest string, check BackupCheck) error {
	if d.dialect != SQLite {
		return ErrNotSQLite
	}
	if strings.ContainsRune(dest, '\'') {
		return fmt.Errorf("store: backup path %q must not contain a quote", dest)
	}
	files := []string{dest, AttachedPath(dest, RecordsSchema)}
	for _, f := range files {
		if _, err := os.Stat(f); err == nil {
			return fmt.Errorf("store: backup %s already exists", f)
		}
	}
	var err error
	for range backupAttempts {
		if err = d.copyTo(ctx, files); err == nil && check != nil {
			err = checkCopy(ctx, dest, check)
		}
		if err == nil {
			return nil
		}
		for _, f := range files {
			os.Remove(f)
		}
		if ctx.Err() != nil {
			break
		}
	}
	return fmt.Errorf("store: backup to %s: %w", dest, err)
}

// copyTo copies the main file to files[0] and the records to files[1].
func (d *DB) copyTo(ctx context.Context, files []string) error {
	conn, err := openSQLitePool(d.path, false)
	if err != nil {
		return err
	}
	defer conn.Close()
	for i, schema := range []string{"main", RecordsSchema} {
		if _, err := conn.ExecContext(ctx, "VACUUM "+schema+" INTO '"+files[i]+"'"); err != nil {
			return err
		}
	}
	return nil
}

// checkCopy runs check on the copy at dest.
func checkCopy(ctx context.Context, dest string, check BackupCheck) error {
	copyDB, err := openSQLitePool(dest, true)
	if err != nil {
		return err
	}
	defer copyDB.Close()
	if err := check(ctx, copyDB); err != nil {
		return fmt.Errorf("the copied files disagree: %w", err)
	}
	return nil
}
