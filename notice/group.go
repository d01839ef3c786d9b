package notice

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// interpretationError refuses an approval that would break 三同步 (R5).
func interpretationError(format string, args ...any) error {
	return &web.Error{Status: 409, Code: CodeInterpretation, Field: "interpretations", Message: fmt.Sprintf(format, args...)}
}

// approvalPartners returns the versions approved together with head (R5):
// for a policy document, the pending current versions of its linked
// interpretations. A policy document needs at least one interpretation
// that is either pending (and approved now) or already out; an
// interpretation whose policy document is not yet live is approved with
// that document, not alone.
func approvalPartners(ctx context.Context, q store.Querier, who Who, head *Version) ([]*Version, error) {
	switch head.Kind {
	case KindPolicy:
		if len(head.Interpretations) == 0 {
			return nil, interpretationError("a 政策文件 is approved and published together with its 政策解读: link one")
		}
		var partners []*Version
		for _, id := range head.Interpretations {
			n, cur, err := loadCurrent(ctx, q, id)
			if err != nil {
				return nil, err
			}
			if n.WithdrawnAt != nil {
				return nil, interpretationError("the 政策解读 %d was withdrawn", id)
			}
			if cur.Status.pending() {
				if err := canDecide(who, cur); err != nil {
					return nil, err
				}
				partners = append(partners, cur)
				continue
			}
			out, err := isOut(ctx, q, n)
			if err != nil {
				return nil, err
			}
			if !out {
				return nil, interpretationError("the 政策解读 %d must be submitted for review together with the 政策文件", id)
			}
		}
		return partners, nil
	case KindInterpretation:
		ids, err := policiesLinking(ctx, q, head.NoticeID)
		if err != nil {
			return nil, err
		}
		for _, pid := range ids {
			n, err := loadNotice(ctx, q, pid)
			if err != nil {
				return nil, err
			}
			out, err := isOut(ctx, q, n)
			if err != nil {
				return nil, err
			}
			if !out {
				return nil, interpretationError("approve the 政策文件 %d: its 政策解读 is approved together with it", pid)
			}
		}
	}
	return nil, nil
}

// isOut reports whether a notice is published or approved and scheduled.
func isOut(ctx context.Context, q store.Querier, n *Notice) (bool, error) {
	var c int
	err := q.Get(ctx, &c, "SELECT COUNT(*) FROM notice_versions WHERE notice_id = ? AND status IN (?, ?)",
		n.ID, StatusPublished, StatusScheduled)
	if err != nil {
		return false, fmt.Errorf("notice: unable to read notice %d: %w", n.ID, err)
	}
	return c > 0, nil
}

// livePolicy returns the published version of a policy document that
// links the interpretation notice id, or nil.
func livePolicy(ctx context.Context, q store.Querier, id int64) (*Version, error) {
	vs, err := loadVersions(ctx, q, `status = ? AND id IN (SELECT l.version_id FROM notice_version_links l
		WHERE l.interpretation_id = ?) ORDER BY id LIMIT 1`, StatusPublished, id)
	if err != nil || len(vs) == 0 {
		return nil, err
	}
	return vs[0], nil
}

// liveInterpretations returns the published versions of the
// interpretations a policy document version links.
func liveInterpretations(ctx context.Context, q store.Querier, policy *Version) ([]*Version, error) {
	if len(policy.Interpretations) == 0 {
		return nil, nil
	}
	args := []any{StatusPublished}
	for _, id := range policy.Interpretations {
		args = append(args, id)
	}
	return loadVersions(ctx, q, "status = ? AND notice_id IN ("+placeholders(len(policy.Interpretations))+") ORDER BY id", args...)
}
