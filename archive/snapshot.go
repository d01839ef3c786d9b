package archive

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/jmoiron/sqlx"

	"github.com/hallcast/hallcast/store"
)

// The two reads of a kiosk lookup, prepared once: SQLite parses a query on
// every run unless it is prepared, and parsing costs more than the read.
const (
	queryKioskState = "SELECT misses, last_miss_at, next_at, locked_until, locks FROM archive_kiosks WHERE kiosk_id = ?"
	queryRecords    = `SELECT r.display FROM archive_records r JOIN archive_imports i ON i.id = r.import_id
		WHERE r.key_hash = ? AND r.dataset_id = ? AND i.state = 'live' ORDER BY r.import_id, r.source_row LIMIT 51` // maxRecords + 1
)

// statements are the prepared reads; database/sql prepares them again on
// each connection of the read pool as it first uses them.
type statements struct {
	once         sync.Once
	err          error
	kiosk, found *sqlx.Stmt
}

func (s *Service) statements(ctx context.Context) (*statements, error) {
	st := &s.stmts
	st.once.Do(func() {
		r := s.db.Reader()
		if st.kiosk, st.err = r.PreparexContext(context.WithoutCancel(ctx), s.db.Rebind(queryKioskState)); st.err != nil {
			return
		}
		st.found, st.err = r.PreparexContext(context.WithoutCancel(ctx), s.db.Rebind(queryRecords))
	})
	if st.err != nil {
		return nil, fmt.Errorf("archive: unable to prepare the lookup: %w", st.err)
	}
	return st, nil
}

func (st *statements) close() {
	if st.kiosk != nil {
		st.kiosk.Close()
	}
	if st.found != nil {
		st.found.Close()
	}
}

// lookupReads are the reads of one lookup. On SQLite they share one read
// transaction: they see the same data and pay once for the page cache that
// every commit by another connection empties. On PostgreSQL, where a
// transaction costs round trips, they are plain reads.
type lookupReads struct {
	kiosk, found *sqlx.Stmt
}

func (r lookupReads) kioskState(ctx context.Context, kiosk string) (kioskState, error) {
	var st kioskState
	err := r.kiosk.GetContext(ctx, &st, kiosk)
	if err != nil && !store.IsNotFound(err) {
		return st, fmt.Errorf("archive: unable to read the state of a kiosk: %w", err)
	}
	return st, nil
}

func (r lookupReads) records(ctx context.Context, keyHash []byte, datasetID int64) ([]string, error) {
	var rows []string
	if err := r.found.SelectContext(ctx, &rows, keyHash, datasetID); err != nil {
		return nil, fmt.Errorf("archive: unable to look up dataset %d: %w", datasetID, err)
	}
	return rows, nil
}

// reading runs fn with the reads of one lookup.
func (s *Service) reading(ctx context.Context, fn func(r lookupReads) error) error {
	st, err := s.statements(ctx)
	if err != nil {
		return err
	}
	if s.db.Dialect() != store.SQLite {
		return fn(lookupReads{kiosk: st.kiosk, found: st.found})
	}
	tx, err := s.db.Reader().BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("archive: unable to read: %w", err)
	}
	defer tx.Rollback()
	return fn(lookupReads{kiosk: tx.StmtxContext(ctx, st.kiosk), found: tx.StmtxContext(ctx, st.found)})
}
