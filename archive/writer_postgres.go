package archive

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/hallcast/hallcast/store"
)

// postgresBatch is the number of rows per COPY on PostgreSQL.
const postgresBatch = 5000

// postgresWriter copies each batch into a temporary table with COPY, then
// moves the new rows into archive_records with INSERT ... SELECT ... ON
// CONFLICT DO NOTHING RETURNING, in one transaction per batch, on one
// connection reserved for the import.
type postgresWriter struct {
	conn                       *sql.Conn
	importID, datasetID, epoch int64
}

func newPostgresWriter(ctx context.Context, db *store.DB, importID, datasetID, epoch int64) (*postgresWriter, error) {
	conn, err := db.Writer().Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("archive: unable to prepare the import: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS archive_stage (
		source_row INTEGER, row_hash BYTEA, key_hash BYTEA, display TEXT) ON COMMIT DELETE ROWS`); err != nil {
		conn.Close()
		return nil, fmt.Errorf("archive: unable to prepare the import: %w", err)
	}
	return &postgresWriter{conn: conn, importID: importID, datasetID: datasetID, epoch: epoch}, nil
}

func (w *postgresWriter) batchSize() int { return postgresBatch }

var stageColumns = []string{"source_row", "row_hash", "key_hash", "display"}

func (w *postgresWriter) insert(ctx context.Context, recs []record) ([]bool, error) {
	var returned [][]byte
	err := w.conn.Raw(func(dc any) error {
		c := dc.(*stdlib.Conn).Conn()
		return pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
			_, err := tx.CopyFrom(ctx, pgx.Identifier{"archive_stage"}, stageColumns, pgx.CopyFromSlice(len(recs), func(i int) ([]any, error) {
				r := recs[i]
				return []any{int32(r.row), r.rowHash, r.keyHash, string(r.display)}, nil
			}))
			if err != nil {
				return err
			}
			rows, err := tx.Query(ctx, `INSERT INTO archive_records (dataset_id, epoch, import_id, source_row, row_hash, key_hash, display)
				SELECT $1, $2, $3, source_row, row_hash, key_hash, display FROM archive_stage ORDER BY key_hash
				ON CONFLICT DO NOTHING RETURNING row_hash`, w.datasetID, w.epoch, w.importID)
			if err != nil {
				return err
			}
			returned, err = pgx.CollectRows(rows, pgx.RowTo[[]byte])
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("archive: import %d: unable to store rows: %w", w.importID, err)
	}
	return markInserted(recs, returned), nil
}

func (w *postgresWriter) close() error { return w.conn.Close() }
