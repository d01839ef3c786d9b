package store

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

var tableName = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// Scrub rewrites the storage of tables so that what they held before an
// update or a delete (plain personal data before it was sealed, values
// sealed with a retired key) does not stay behind in free space of the
// database's files. On SQLite the main file is rebuilt (VACUUM; the
// tables argument only names what matters) and the write-ahead log
// emptied; on PostgreSQL the tables are rewritten (VACUUM FULL), which
// leaves the server's own WAL and older backups as they are. It holds
// the write lock (SQLite) or locks the tables (PostgreSQL) while it
// runs: call it at start or from the command line.
func (d *DB) Scrub(ctx context.Context, tables ...string) error {
	for _, t := range tables {
		if !tableName.MatchString(t) {
			return fmt.Errorf("store: scrub: %q is not a table name", t)
		}
	}
	if d.dialect == Postgres {
		if len(tables) == 0 {
			return nil
		}
		if _, err := d.write.ExecContext(ctx, "VACUUM FULL "+strings.Join(tables, ", ")); err != nil {
			return fmt.Errorf("store: unable to scrub %s: %w", strings.Join(tables, ", "), err)
		}
		return nil
	}
	if _, err := d.write.ExecContext(ctx, "VACUUM main"); err != nil {
		return fmt.Errorf("store: unable to scrub the database file: %w", err)
	}
	var busy, frames, done int
	if err := d.write.QueryRowContext(ctx, "PRAGMA main.wal_checkpoint(TRUNCATE)").Scan(&busy, &frames, &done); err != nil {
		return fmt.Errorf("store: unable to empty the write-ahead log: %w", err)
	}
	if busy != 0 {
		return fmt.Errorf("store: the write-ahead log could not be emptied while others read the database (%d of %d pages written back)", done, frames)
	}
	return nil
}
