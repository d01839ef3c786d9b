package archive

import (
	"bytes"
	"context"
	"fmt"
	"sort"

	"github.com/hallcast/hallcast/store"
)

// sqliteBatch is the number of rows per transaction on SQLite: large
// enough that a commit writes each touched index page once for many rows,
// small enough that other writers wait a fraction of a second.
const sqliteBatch = 10000

// sqliteCache is the page cache of the writer connection while an import
// runs (KiB, negative as SQLite wants it); the default 2 MB makes index
// inserts of a million rows slow.
const sqliteCache = -40000

// sqliteWriter inserts with a prepared single-row INSERT ... ON CONFLICT
// DO NOTHING, one transaction per batch. Single-row statements need no
// statement journal, which for multi-row inserts costs more than the
// inserts themselves.
type sqliteWriter struct {
	db                         *store.DB
	importID, datasetID, epoch int64
	saved                      map[string]int64
}

// importPragmas tune the writer connection while an import runs (close
// puts the previous values back): a larger page cache of the records file
// (the records are in their own file; see store.RecordsSchema), no memory
// map of it (its pages would count as the process's memory), and fewer
// WAL checkpoints (a page changed by many batches is copied to the
// database once).
var importPragmas = []struct {
	name  string
	value int64
}{{store.RecordsSchema + ".cache_size", sqliteCache}, {store.RecordsSchema + ".mmap_size", 0}, {"wal_autocheckpoint", 100000}}

func newSQLiteWriter(ctx context.Context, db *store.DB, importID, datasetID, epoch int64) (*sqliteWriter, error) {
	w := &sqliteWriter{db: db, importID: importID, datasetID: datasetID, epoch: epoch, saved: map[string]int64{}}
	for _, p := range importPragmas {
		var was int64
		if err := db.Writer().GetContext(ctx, &was, "PRAGMA "+p.name); err != nil {
			return nil, fmt.Errorf("archive: unable to prepare the import: %w", err)
		}
		w.saved[p.name] = was
		if _, err := db.Exec(ctx, fmt.Sprintf("PRAGMA %s = %d", p.name, p.value)); err != nil {
			w.close()
			return nil, fmt.Errorf("archive: unable to prepare the import: %w", err)
		}
	}
	return w, nil
}

func (w *sqliteWriter) batchSize() int { return sqliteBatch }

func (w *sqliteWriter) insert(ctx context.Context, recs []record) ([]bool, error) {
	inserted := make([]bool, len(recs))
	// Inserting in index order keeps the B-tree work local.
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return bytes.Compare(recs[order[a]].keyHash, recs[order[b]].keyHash) < 0 })
	err := w.db.Tx(ctx, func(tx *store.Tx) error {
		stmt, err := tx.Sqlx().PrepareContext(ctx, `INSERT INTO archive_records (dataset_id, epoch, import_id, source_row, row_hash, key_hash, display)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, i := range order {
			r := recs[i]
			res, err := stmt.ExecContext(ctx, w.datasetID, w.epoch, w.importID, r.row, r.rowHash, r.keyHash, string(r.display))
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			inserted[i] = n == 1
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("archive: import %d: unable to store rows: %w", w.importID, err)
	}
	return inserted, nil
}

func (w *sqliteWriter) close() error {
	var err error
	for name, was := range w.saved {
		if _, e := w.db.Exec(context.Background(), fmt.Sprintf("PRAGMA %s = %d", name, was)); e != nil && err == nil {
			err = e
		}
	}
	return err
}
