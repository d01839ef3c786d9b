package archive

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Mode says what an import does with the records already there.
type Mode string

// The import modes.
const (
	// ModeReplace swaps all records of the dataset for the file's, at once
	// when the import succeeds.
	ModeReplace Mode = "replace"
	// ModeAppend adds the file's rows that are not there yet.
	ModeAppend Mode = "append"
)

// Import states. An import runs, then goes live, fails or is cancelled; a
// live import is replaced by a later replace import or deleted with its
// dataset. The records of imports that are not running or live are purged.
const (
	StateRunning   = "running"
	StateLive      = "live"
	StateReplaced  = "replaced"
	StateFailed    = "failed"
	StateCancelled = "cancelled"
	StateDeleted   = "deleted"
)

// Import is one import of a file into a dataset, with its progress while it
// runs and its result.
type Import struct {
	ID         int64    `db:"id" json:"id"`
	DatasetID  int64    `db:"dataset_id" json:"dataset_id"`
	Mode       Mode     `db:"mode" json:"mode"`
	State      string   `db:"state" json:"state"`
	FileName   string   `db:"file_name" json:"file_name"`
	FileSize   int64    `db:"file_size" json:"file_size"`
	Format     Format   `db:"format" json:"format"`
	Encoding   Encoding `db:"encoding" json:"encoding"`
	HeaderJSON string   `db:"header" json:"-"`
	Header     []string `db:"-" json:"header"`
	Actor      string   `db:"actor_name" json:"actor"`
	// KeyID is the fingerprint of the lookup key the import hashed with.
	KeyID         string     `db:"key_id" json:"key_id"`
	StartedAt     time.Time  `db:"started_at" json:"started_at"`
	ProgressAt    time.Time  `db:"progress_at" json:"progress_at"`
	FinishedAt    *time.Time `db:"finished_at" json:"finished_at,omitempty"`
	RowsRead      int64      `db:"rows_read" json:"rows_read"`
	RowsTotal     int64      `db:"rows_total" json:"rows_total"`
	RowsAdded     int64      `db:"rows_added" json:"rows_added"`
	RowsDuplicate int64      `db:"rows_duplicate" json:"rows_duplicate"`
	RowsBad       int64      `db:"rows_bad" json:"rows_bad"`
	Rate          int64      `db:"rate" json:"rate"`
	ETASeconds    int64      `db:"eta_seconds" json:"eta_seconds"`
	Error         string     `db:"error" json:"error,omitempty"`
	ReportJSON    string     `db:"report" json:"-"`
	Report        *Report    `db:"-" json:"report,omitempty"`
}

const importColumns = `id, dataset_id, mode, state, file_name, file_size, format, encoding, header, actor_name, key_id, started_at,
	progress_at, finished_at, rows_read, rows_total, rows_added, rows_duplicate, rows_bad, rate, eta_seconds, error, report`

// GetImport returns one import with its report.
func (s *Service) GetImport(ctx context.Context, id int64) (*Import, error) {
	var im Import
	err := s.db.Get(ctx, &im, "SELECT "+importColumns+" FROM archive_imports WHERE id = ?", id)
	if store.IsNotFound(err) {
		return nil, web.NotFound("import")
	}
	if err != nil {
		return nil, fmt.Errorf("archive: unable to read import %d: %w", id, err)
	}
	im.Report = &Report{}
	if err := json.Unmarshal([]byte(im.ReportJSON), im.Report); err != nil {
		return nil, fmt.Errorf("archive: import %d: report: %w", id, err)
	}
	_ = json.Unmarshal([]byte(im.HeaderJSON), &im.Header)
	return &im, nil
}

// Imports lists the imports of a dataset (all datasets when 0), newest
// first, without their reports.
func (s *Service) Imports(ctx context.Context, datasetID int64, limit int) ([]Import, error) {
	q := "SELECT " + importColumns + " FROM archive_imports"
	var args []any
	if datasetID > 0 {
		q += " WHERE dataset_id = ?"
		args = append(args, datasetID)
	}
	q += fmt.Sprintf(" ORDER BY id DESC LIMIT %d", max(1, min(limit, 500)))
	out := []Import{}
	if err := s.db.Select(ctx, &out, q, args...); err != nil {
		return nil, fmt.Errorf("archive: unable to list imports: %w", err)
	}
	for i := range out {
		_ = json.Unmarshal([]byte(out[i].HeaderJSON), &out[i].Header)
	}
	return out, nil
}

// CancelImport asks a running import to stop; it ends as cancelled and
// the dataset keeps its records. An import of this process stops at once,
// one of another process within about leaseEvery (its lease notices the
// request), and one whose process is gone (a ghost) is ended here and now.
func (s *Service) CancelImport(ctx context.Context, who audit.Actor, id int64) error {
	if err := s.requestCancel(ctx, who, id); err != nil {
		return err
	}
	if stop, ok := s.running.Load(id); ok {
		stop.(context.CancelCauseFunc)(errCancelled)
	}
	return s.recoverImports(ctx, "id = ?", id)
}

func (s *Service) requestCancel(ctx context.Context, who audit.Actor, id int64) error {
	return s.db.Tx(ctx, func(tx *store.Tx) error {
		var datasetID int64
		err := tx.Get(ctx, &datasetID, "UPDATE archive_imports SET cancel = TRUE WHERE id = ? AND state = 'running' RETURNING dataset_id", id)
		if store.IsNotFound(err) {
			if _, err := s.GetImport(ctx, id); err != nil {
				return err
			}
			return web.State("the import is not running")
		}
		if err != nil {
			return fmt.Errorf("archive: unable to cancel import %d: %w", id, err)
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: s.now(), Action: "archive.import.cancel", ObjectType: "archive_dataset",
			ObjectID: datasetID, After: map[string]any{"import_id": id}})
	})
}
