package notice

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/store"
)

// Detail is a notice as the editor and the reviewer see it.
type Detail struct {
	Notice  *Notice  `json:"notice"`
	Current *Version `json:"current"`
	// Live is the version the public sees or saw, when it is not Current.
	Live *Version `json:"live"`
	// Findings are the personal data in Current (R6), by the configured
	// masking policy.
	Findings []Finding `json:"findings"`
	// LinkedInterpretations are the notices Current links (a policy
	// document); Policies the policy documents linking this notice (an
	// interpretation).
	LinkedInterpretations []Ref `json:"linked_interpretations"`
	Policies              []Ref `json:"policies"`
	// EndDate is the last day the live version is shown (公示 end date).
	EndDate *string `json:"end_date"`
}

// Ref is a short reference to another notice.
type Ref struct {
	ID     int64   `db:"id" json:"id"`
	Title  string  `db:"title" json:"title"`
	Status Status  `db:"status" json:"status"`
	Live   *Status `db:"live_status" json:"live_status"`
}

// Detail returns a notice with its current and live versions.
func (s *Service) Detail(ctx context.Context, id int64) (*Detail, error) {
	n, cur, err := loadCurrent(ctx, s.db, id)
	if err != nil {
		return nil, err
	}
	d := &Detail{Notice: n, Current: cur, LinkedInterpretations: []Ref{}, Policies: []Ref{}}
	if n.LiveVersionID != nil && *n.LiveVersionID != cur.ID {
		if d.Live, err = loadLive(ctx, s.db, n); err != nil {
			return nil, err
		}
	}
	live := d.Live
	if live == nil && n.LiveVersionID != nil {
		live = cur
	}
	if live != nil && live.ExpireAt != nil {
		e := lastDay(*live.ExpireAt, s.loc).String()
		d.EndDate = &e
	}
	p, err := s.policy(ctx)
	if err != nil {
		return nil, wrap("read the masking policy", err)
	}
	if d.Findings, err = scanVersion(ctx, s.db, p, cur); err != nil {
		return nil, err
	}
	if d.LinkedInterpretations, err = refs(ctx, s.db, cur.Interpretations); err != nil {
		return nil, err
	}
	if cur.Kind == KindInterpretation {
		ids, err := policiesLinking(ctx, s.db, id)
		if err != nil {
			return nil, err
		}
		if d.Policies, err = refs(ctx, s.db, ids); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// refs returns short references to notices.
func refs(ctx context.Context, q store.Querier, ids []int64) ([]Ref, error) {
	out := []Ref{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	err := q.Select(ctx, &out, `SELECT n.id, cv.title, cv.status, lv.status AS live_status FROM notices n
		JOIN notice_versions cv ON cv.id = n.current_version_id
		LEFT JOIN notice_versions lv ON lv.id = n.live_version_id
		WHERE n.id IN (`+placeholders(len(ids))+`) ORDER BY n.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("notice: unable to read linked notices: %w", err)
	}
	return out, nil
}

// Versions returns every version of a notice, newest first.
func (s *Service) Versions(ctx context.Context, id int64) ([]*Version, error) {
	if _, err := loadNotice(ctx, s.db, id); err != nil {
		return nil, err
	}
	return loadVersions(ctx, s.db, "notice_id = ? ORDER BY number DESC", id)
}
