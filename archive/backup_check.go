package archive

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// CheckBackup checks a copy of the SQLite database (store.BackupCheck):
// every import the copied main file calls live must have all its records
// in the copied records file. The two files are copied one after the
// other, and an import that replaces a dataset in between gets the records
// it replaced purged: the main file's copy would then name as live an
// import whose records the records file's copy no longer holds.
func CheckBackup(ctx context.Context, copy *sqlx.DB) error {
	var tables int
	if err := copy.GetContext(ctx, &tables, "SELECT COUNT(*) FROM main.sqlite_master WHERE type = 'table' AND name = 'archive_imports'"); err != nil {
		return fmt.Errorf("archive: unable to check the copy: %w", err)
	}
	if tables == 0 {
		return nil // a database without the archive's tables
	}
	var bad []struct {
		ID    int64 `db:"id"`
		Want  int64 `db:"rows_added"`
		Found int64 `db:"found"`
	}
	err := copy.SelectContext(ctx, &bad, `SELECT i.id, i.rows_added, COUNT(r.id) AS found
		FROM archive_imports i LEFT JOIN archive_records r ON r.import_id = i.id
		WHERE i.state = 'live' GROUP BY i.id, i.rows_added HAVING COUNT(r.id) <> i.rows_added`)
	if err != nil {
		return fmt.Errorf("archive: unable to check the copy: %w", err)
	}
	if len(bad) > 0 {
		return fmt.Errorf("archive: the copy's live import %d has %d records, want %d", bad[0].ID, bad[0].Found, bad[0].Want)
	}
	return nil
}
