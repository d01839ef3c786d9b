package archive

import (
	"context"

	"github.com/hallcast/hallcast/store"
)

// batchWriter stores the records of one import, a batch per transaction.
// The records stay invisible to lookups until the import commits, so the
// short transactions never show a half import.
type batchWriter interface {
	// batchSize is how many records a batch should hold.
	batchSize() int
	// insert stores the records that are not in the dataset yet (same row
	// hash in the same epoch) and reports, per record, whether it was new.
	insert(ctx context.Context, recs []record) ([]bool, error)
	close() error
}

func newBatchWriter(ctx context.Context, db *store.DB, importID, datasetID, epoch int64) (batchWriter, error) {
	if db.Dialect() == store.Postgres {
		return newPostgresWriter(ctx, db, importID, datasetID, epoch)
	}
	return newSQLiteWriter(ctx, db, importID, datasetID, epoch)
}

// markInserted turns the row hashes a statement returned into one flag per
// record; of records with the same hash only the first counts as new.
func markInserted(recs []record, returned [][]byte) []bool {
	left := make(map[string]int, len(returned))
	for _, h := range returned {
		left[string(h)]++
	}
	out := make([]bool, len(recs))
	for i, r := range recs {
		if left[string(r.rowHash)] > 0 {
			left[string(r.rowHash)]--
			out[i] = true
		}
	}
	return out
}
