package catalogue

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/store"
)

// IndexNumber formats an index number (索引号):
//
//	<org code>/<category code>-<year>-<5-digit sequence>
//
// e.g. "11110000000012345X/ZCFG-2026-00001". org is the agency's
// 统一社会信用代码 or 组织机构代码 (the "notice.org_code" setting); when it
// is empty the "<org code>/" prefix is left out. Sequences longer than five
// digits are written in full.
func IndexNumber(org, code string, year, seq int) string {
	s := fmt.Sprintf("%s-%04d-%05d", code, year, seq)
	if org != "" {
		s = org + "/" + s
	}
	return s
}

// NextSequence allocates the next index-number sequence of a category code
// and year inside tx: 1 for the first, then 2, 3, ... A number is never
// handed out twice, even when the transaction that took the previous one
// committed long ago or the category was deleted; a rolled-back
// transaction returns its number. Concurrent transactions serialise on the
// sequence row.
func NextSequence(ctx context.Context, tx *store.Tx, code string, year int) (int, error) {
	var seq int
	err := tx.Get(ctx, &seq, `INSERT INTO catalogue_sequences (code, year, last) VALUES (?, ?, 1)
		ON CONFLICT (code, year) DO UPDATE SET last = catalogue_sequences.last + 1 RETURNING last`, code, year)
	if err != nil {
		return 0, fmt.Errorf("catalogue: unable to allocate an index number for %s/%d: %w", code, year, err)
	}
	return seq, nil
}
