package notice

import (
	"context"
	"fmt"
	"slices"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// checkLinks validates the interpretations a policy document links: each
// must be a live notice whose current version is a 政策解读.
func checkLinks(ctx context.Context, q store.Querier, ids []int64, selfID int64) ([]int64, error) {
	out := []int64{}
	for i, id := range ids {
		field := fmt.Sprintf("interpretations[%d]", i)
		if id <= 0 || id == selfID {
			return nil, web.Invalid(field, web.CodeInvalid, "want the ID of another notice")
		}
		if slices.Contains(out, id) {
			continue
		}
		var row struct {
			Kind      Kind    `db:"kind"`
			Withdrawn *string `db:"withdraw_reason"`
		}
		err := q.Get(ctx, &row, `SELECT v.kind, n.withdraw_reason FROM notices n
			JOIN notice_versions v ON v.id = n.current_version_id WHERE n.id = ?`, id)
		if store.IsNotFound(err) {
			return nil, web.Invalid(field, web.CodeInvalid, "no notice %d", id)
		}
		if err != nil {
			return nil, fmt.Errorf("notice: unable to read notice %d: %w", id, err)
		}
		if row.Kind != KindInterpretation {
			return nil, web.Invalid(field, web.CodeInvalid, "notice %d is not a 政策解读", id)
		}
		if row.Withdrawn != nil {
			return nil, web.Invalid(field, web.CodeInvalid, "notice %d was withdrawn", id)
		}
		out = append(out, id)
	}
	slices.Sort(out)
	return out, nil
}

// policiesLinking returns the notices whose current or live version links
// the interpretation notice id.
func policiesLinking(ctx context.Context, q store.Querier, id int64) ([]int64, error) {
	var out []int64
	err := q.Select(ctx, &out, `SELECT DISTINCT n.id FROM notices n JOIN notice_version_links l
		ON l.version_id = n.current_version_id OR l.version_id = n.live_version_id
		WHERE l.interpretation_id = ? AND n.withdrawn_at IS NULL ORDER BY n.id`, id)
	if err != nil {
		return nil, fmt.Errorf("notice: unable to read the policies linking %d: %w", id, err)
	}
	return out, nil
}
