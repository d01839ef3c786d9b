package archive

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
)

// commit makes the import's records live in one transaction: in replace
// mode the earlier records disappear at the same instant.
func (j *Job) commit(ctx context.Context, t *tally) error {
	s := j.s
	if t.added == 0 && j.req.Mode == ModeReplace {
		if t.read == 0 {
			return errors.New("archive: the file has no rows below the header")
		}
		return errors.New("archive: no row could be imported; the dataset keeps its records")
	}
	report := t.report.encode()
	p := t.progress(j.ID, time.Since(j.start))
	now := s.now()
	return s.db.Tx(ctx, func(tx *store.Tx) error {
		var st struct {
			State  string `db:"state"`
			Cancel bool   `db:"cancel"`
		}
		if err := tx.Get(ctx, &st, "SELECT state, cancel FROM archive_imports WHERE id = ?", j.ID); err != nil {
			return fmt.Errorf("archive: import %d: %w", j.ID, err)
		}
		if st.Cancel {
			return errCancelled
		}
		if st.State != StateRunning {
			return fmt.Errorf("archive: import %d was stopped meanwhile (%s)", j.ID, st.State)
		}
		ds, err := s.getDataset(ctx, tx, j.ds.ID)
		if err != nil {
			return err
		}
		rows := t.added
		if j.req.Mode == ModeAppend {
			rows += ds.RowCount
		} else if _, err := tx.Exec(ctx, "UPDATE archive_imports SET state = 'replaced' WHERE dataset_id = ? AND state = 'live'", ds.ID); err != nil {
			return fmt.Errorf("archive: import %d: %w", j.ID, err)
		} else if _, err := tx.Exec(ctx, "DELETE FROM archive_live WHERE dataset_id = ?", ds.ID); err != nil {
			return fmt.Errorf("archive: import %d: %w", j.ID, err)
		}
		if _, err := tx.Exec(ctx, "INSERT INTO archive_live (import_id, dataset_id) VALUES (?, ?)", j.ID, ds.ID); err != nil {
			return fmt.Errorf("archive: import %d: %w", j.ID, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE archive_imports SET state = 'live', finished_at = ?, progress_at = ?, report = ?, rows_read = ?, rows_total = ?,
			rows_added = ?, rows_duplicate = ?, rows_bad = ?, rate = ?, eta_seconds = 0 WHERE id = ?`,
			now, now, report, p.RowsRead, p.RowsRead, p.RowsAdded, p.RowsDuplicate, p.RowsBad, int64(p.Rate), j.ID); err != nil {
			return fmt.Errorf("archive: import %d: %w", j.ID, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE archive_datasets SET epoch = ?, row_count = ?, data_schema_version = ?, data_key_id = ?,
			last_import_id = ?, last_import_at = ? WHERE id = ?`, j.epoch, rows, j.ds.SchemaVersion, s.key.ID(), j.ID, now, ds.ID); err != nil {
			return fmt.Errorf("archive: import %d: %w", j.ID, err)
		}
		tx.Publish(store.Event{Topic: Topic, ID: ds.ID})
		tx.AfterCommit(s.kickPurge)
		return audit.Record(ctx, tx, j.req.Actor, audit.Entry{At: now, Action: "archive.import.finish", ObjectType: "archive_dataset", ObjectID: ds.ID,
			Before: map[string]any{"row_count": ds.RowCount},
			After: map[string]any{"import_id": j.ID, "mode": j.req.Mode, "row_count": rows, "rows_added": t.added,
				"rows_duplicate": t.dup, "rows_bad": t.bad}})
	})
}
