package archive

import (
	"context"
	"fmt"
	"github.com/hallcast/hallcast/store"
)

// explainDuplicates adds the duplicates of a batch to the report, naming
// the row each repeats: an earlier row of the batch, or a stored record
// (of this import or an earlier one).
func (j *Job) explainDuplicates(ctx context.Context, dups, recs []record, t *tally) error {
	first := make(map[string]int, len(recs))
	for _, r := range recs {
		if _, ok := first[string(r.rowHash)]; !ok {
			first[string(r.rowHash)] = r.row
		}
	}
	type origin struct {
		ImportID int64 `db:"import_id"`
		Row      int   `db:"source_row"`
	}
	stored := map[string]origin{}
	for _, d := range dups {
		if first[string(d.rowHash)] != d.row {
			continue // an earlier row of this batch
		}
		var o origin
		err := j.s.db.Get(ctx, &o, "SELECT import_id, source_row FROM archive_records WHERE key_hash = ? AND epoch = ? AND row_hash = ?",
			d.keyHash, j.epoch, d.rowHash)
		if err != nil && !store.IsNotFound(err) {
			return fmt.Errorf("archive: import %d: unable to explain duplicates: %w", j.ID, err)
		}
		if err == nil {
			stored[string(d.rowHash)] = o
		}
	}
	for _, d := range dups {
		p := Problem{Row: d.row, Reason: ReasonDuplicate}
		if r := first[string(d.rowHash)]; r != d.row {
			p.SameAs = r
		} else if o, ok := stored[string(d.rowHash)]; ok {
			p.SameAs = o.Row
			if o.ImportID != j.ID {
				p.SameImport = o.ImportID
			}
		}
		t.report.add(p)
	}
	return nil
}
