package archive

import (
	"context"
	"fmt"
	"sync"

	"github.com/jmoiron/sqlx"
)

// The read of a kiosk lookup, prepared once: SQLite parses a query on
// every run unless it is prepared, and parsing costs more than the read.
const (
	// archive_live, not archive_imports: on SQLite both tables of the
	// query are in the records file, so a lookup is one read transaction
	// on a file that only imports change.
	queryRecords = `SELECT r.display FROM archive_records r JOIN archive_live l ON l.import_id = r.import_id
		WHERE r.key_hash = ? AND r.dataset_id = ? ORDER BY r.import_id, r.source_row LIMIT 51` // maxRecords + 1
)

// statements are the prepared reads; database/sql prepares them again on
// each connection of the read pool as it first uses them.
type statements struct {
	once  sync.Once
	err   error
	found *sqlx.Stmt
}

func (s *Service) statements(ctx context.Context) (*statements, error) {
	st := &s.stmts
	st.once.Do(func() {
		r := s.db.HotReader()
		st.found, st.err = r.PreparexContext(context.WithoutCancel(ctx), s.db.Rebind(queryRecords))
	})
	if st.err != nil {
		return nil, fmt.Errorf("archive: unable to prepare the lookup: %w", st.err)
	}
	return st, nil
}

func (st *statements) close() {
	if st.found != nil {
		st.found.Close()
	}
}

// lookupReads are the prepared reads of a lookup: one statement, its own
// read transaction on the records file alone. The lockout costs no read
// (lockout.Guard keeps the counts in memory).
type lookupReads struct {
	found *sqlx.Stmt
}

func (r lookupReads) records(ctx context.Context, keyHash []byte, datasetID int64) ([]string, error) {
	var rows []string
	if err := r.found.SelectContext(ctx, &rows, keyHash, datasetID); err != nil {
		return nil, fmt.Errorf("archive: unable to look up dataset %d: %w", datasetID, err)
	}
	return rows, nil
}

// reading runs fn with the prepared reads.
func (s *Service) reading(ctx context.Context, fn func(r lookupReads) error) error {
	st, err := s.statements(ctx)
	if err != nil {
		return err
	}
	return fn(lookupReads{found: st.found})
}
