package notice

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
)

// decidedRow is a stored decision (table notice_findings).
type decidedRow struct {
	VersionID int64        `db:"version_id"`
	Field     string       `db:"field"`
	Location  string       `db:"location"`
	Kind      privacy.Kind `db:"kind"`
	Start     int          `db:"start_pos"`
	End       int          `db:"end_pos"`
	Start16   int          `db:"start16"`
	End16     int          `db:"end16"`
	Masked    string       `db:"masked"`
	Decision  string       `db:"decision"`
	Reason    string       `db:"reason"`
	DecidedBy int64        `db:"decided_by"`
	DecidedAt time.Time    `db:"decided_at"`
}

const decidedColumns = `version_id, field, location, kind, start_pos, end_pos, start16, end16, masked, decision, reason,
	decided_by, decided_at`

func (r decidedRow) decided(noticeID int64) Decided {
	return Decided{Finding: Finding{NoticeID: noticeID, Field: r.Field, Where: r.Location, Kind: r.Kind, Start: r.Start, End: r.End,
		Start16: r.Start16, End16: r.End16, Masked: r.Masked}, Decision: r.Decision, Reason: r.Reason, DecidedBy: r.DecidedBy, DecidedAt: r.DecidedAt}
}

// storeDecisions replaces the decisions recorded on a version.
func storeDecisions(ctx context.Context, tx *store.Tx, versionID int64, items []Decided) error {
	if _, err := tx.Exec(ctx, "DELETE FROM notice_findings WHERE version_id = ?", versionID); err != nil {
		return fmt.Errorf("notice: unable to replace the decisions on findings: %w", err)
	}
	for _, d := range items {
		if _, err := tx.Exec(ctx, "INSERT INTO notice_findings ("+decidedColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			versionID, d.Field, d.Where, d.Kind, d.Start, d.End, d.Start16, d.End16, d.Masked, d.Decision, d.Reason,
			d.DecidedBy, d.DecidedAt); err != nil {
			return fmt.Errorf("notice: unable to record a decision on a finding: %w", err)
		}
	}
	return nil
}

// readDecisions returns the stored decisions of the versions in ids.
func readDecisions(ctx context.Context, q store.Querier, ids []any) ([]decidedRow, error) {
	var rows []decidedRow
	if err := q.Select(ctx, &rows, "SELECT "+decidedColumns+" FROM notice_findings WHERE version_id IN ("+placeholders(len(ids))+
		") ORDER BY id", ids...); err != nil {
		return nil, fmt.Errorf("notice: unable to read the decisions on findings: %w", err)
	}
	return rows, nil
}

// loadDecisions fills in the Decisions of loaded versions.
func loadDecisions(ctx context.Context, q store.Querier, byID map[int64]*Version, ids []any) error {
	rows, err := readDecisions(ctx, q, ids)
	if err != nil {
		return err
	}
	for _, r := range rows {
		v := byID[r.VersionID]
		v.Decisions = append(v.Decisions, r.decided(v.NoticeID))
	}
	return nil
}

// storedPlans pairs the findings of each version with the decisions a
// reviewer stored when asking for a second admin. Every finding must have
// its decision and every decision its finding: otherwise the text changed
// since, and the reviewer decides again.
func storedPlans(ctx context.Context, q store.Querier, group []*Version, scans map[int64][]Finding) (map[int64][]Decided, error) {
	out := map[int64][]Decided{}
	for _, v := range group {
		rows, err := readDecisions(ctx, q, []any{v.ID})
		if err != nil {
			return nil, err
		}
		byKey := map[findingKey]Decided{}
		for _, r := range rows {
			d := r.decided(v.NoticeID)
			byKey[keyOf(d.Finding)] = d
		}
		fs := scans[v.ID]
		if len(byKey) != len(fs) {
			return nil, errStaleKeep()
		}
		items := make([]Decided, 0, len(fs))
		for _, f := range fs {
			d, ok := byKey[keyOf(f)]
			if !ok {
				return nil, errStaleKeep()
			}
			d.Finding = f
			items = append(items, d)
		}
		out[v.ID] = items
	}
	return out, nil
}
