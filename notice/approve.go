package notice

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Approve decides 公开. The approver must not be the author (R4); a
// policy document is approved together with its pending interpretations
// and cannot be approved without one (R5). Personal data (R6) needs a
// decision per finding (mask, or keep with a reason; see Decision): the
// public text is computed and stored now, masked but for the kept
// findings. Keeping a resident ID number does not approve yet: the
// decisions wait for a second admin (ConfirmKeep). The approved version is
// scheduled for its publication time, or published at once when that
// time has come; a live older version stays live until then.
func (s *Service) Approve(ctx context.Context, who Who, id int64, d Decision) (*Detail, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	return s.approve(ctx, approval{who: who, d: d}, id)
}

// approval is a reviewer's approval, or a second admin's confirmation of
// the decisions a reviewer stored (confirm set; who and d are then read
// from the request).
type approval struct {
	who           Who
	d             Decision
	confirm       *Who
	confirmReason string
}

func (s *Service) approve(ctx context.Context, a approval, id int64) (*Detail, error) {
	policy, err := s.policy(ctx)
	if err != nil {
		return nil, wrap("read the masking policy", err)
	}
	org, err := s.orgCode(ctx)
	if err != nil {
		return nil, wrap("read the organisation code", err)
	}
	now := s.now()
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		_, head, err := loadCurrent(ctx, tx, id)
		if err != nil {
			return err
		}
		if a.confirm != nil {
			if err := confirmable(ctx, tx, &a, head); err != nil {
				return err
			}
		}
		if err := canDecide(a.who, head); err != nil {
			return err
		}
		partners, err := approvalPartners(ctx, tx, a.who, head)
		if err != nil {
			return err
		}
		at := now
		if head.PublishAt != nil && head.PublishAt.After(now) {
			at = *head.PublishAt
		}
		group := append([]*Version{head}, partners...)
		scans := map[int64][]Finding{}
		for _, v := range group {
			if err := s.checkApprovable(ctx, tx, v, at); err != nil {
				return err
			}
			if scans[v.ID], err = scanVersion(ctx, tx, policy, v); err != nil {
				return err
			}
		}
		var plans map[int64][]Decided
		if a.confirm != nil {
			plans, err = storedPlans(ctx, tx, group, scans)
		} else {
			plans, err = resolveDecisions(group, scans, a.d, a.who.ID, now)
		}
		if err != nil {
			return err
		}
		if a.confirm == nil && needsSecond(plans) {
			return requestKeep(ctx, tx, policy, a.who, head, group, plans, a.d, now)
		}
		for _, v := range group {
			if err := s.approveOne(ctx, tx, policy, org, a, v, head, plans[v.ID], at, now); err != nil {
				return err
			}
		}
		if a.confirm != nil {
			if err := recordConfirm(ctx, tx, policy, a, head, plans, now); err != nil {
				return err
			}
		}
		if at.After(now) {
			return nil // PublishDue publishes the group at its time
		}
		return s.publishGroup(ctx, tx, a.who, head, partners, now)
	})
	if err != nil {
		return nil, wrap("approve the notice", err)
	}
	return s.Detail(ctx, id)
}

// approveOne approves one version of the group: the approval, the index
// number, the decisions on its findings, its public text, history and
// audit (with masked text only).
func (s *Service) approveOne(ctx context.Context, tx *store.Tx, p privacy.Policy, org string, a approval, v, head *Version,
	items []Decided, at, now time.Time) error {
	if a.d.OverrideReason != "" && len(items) > 0 {
		v.PrivacyOverride = &a.d.OverrideReason
	}
	if err := approveVersion(ctx, tx, a, v, head, at, now); err != nil {
		return err
	}
	if err := assignIndexNo(ctx, tx, org, v, at.In(s.loc).Year()); err != nil {
		return err
	}
	if a.confirm == nil {
		if err := storeDecisions(ctx, tx, v.ID, items); err != nil {
			return err
		}
	}
	if err := storePublic(ctx, tx, p, v, keepsOf(items), now); err != nil {
		return err
	}
	if err := addHistory(ctx, tx, v.NoticeID, v.ID, a.who, "approve", a.d.Reason, now); err != nil {
		return err
	}
	if v.PrivacyOverride != nil {
		if err := addHistory(ctx, tx, v.NoticeID, v.ID, a.who, "override", a.d.OverrideReason, now); err != nil {
			return err
		}
	}
	for _, d := range items {
		if d.Decision != DecisionKeep || a.confirm != nil { // a confirmed keep was recorded with its request
			continue
		}
		if err := addHistory(ctx, tx, v.NoticeID, v.ID, a.who, "keep", describeKeep(d), now); err != nil {
			return err
		}
	}
	return audit.Record(ctx, tx, a.who.Actor, audit.Entry{At: now, Action: "notice.approve", ObjectType: "notice",
		ObjectID: v.NoticeID, After: map[string]any{"version_id": v.ID, "reason": auditText(p, a.d.Reason),
			"override": auditPtr(p, v.PrivacyOverride), "findings": auditFindings(p, items)}})
}

// checkApprovable checks one version of the group: proactive disclosure,
// a complete guide, and a notice period the calendar covers.
func (s *Service) checkApprovable(ctx context.Context, q store.Querier, v *Version, at time.Time) error {
	if v.Disclosure != Proactive {
		return web.Invalid("disclosure", web.CodeInvalid, "only 主动公开 information is published; refuse notice %d instead", v.NoticeID)
	}
	if err := checkComplete(v); err != nil {
		return err
	}
	if v.Period != nil {
		if _, err := s.periodEnd(ctx, *v.Period, at); err != nil {
			return err
		}
	}
	if v.ExpireAt != nil && !v.ExpireAt.After(at) {
		return web.Invalid("expire_at", web.CodeInvalid, "notice %d would end before it is published", v.NoticeID)
	}
	return nil
}

// approveVersion records the approval of v (head or a partner) and
// schedules it for at.
func approveVersion(ctx context.Context, tx *store.Tx, a approval, v, head *Version, at, now time.Time) error {
	var pair any
	if v != head {
		pair = head.ID
	}
	set := "approved_by = ?, approved_at = ?, privacy_override = ?, publish_at = ?, pair_version_id = ?, "
	args := []any{a.who.ID, now, v.PrivacyOverride, at, pair}
	if a.confirm != nil && v == head {
		set += "keep_confirmed_by = ?, keep_confirmed_at = ?, "
		args = append(args, a.confirm.ID, now)
	} else if a.confirm == nil {
		set += "keep_requested_by = NULL, keep_requested_at = NULL, keep_request_reason = NULL, keep_confirmed_by = NULL, keep_confirmed_at = NULL, "
	}
	if v.Status == StatusReferred {
		set += "decided_by = ?, decided_at = ?, decision_reason = ?"
	} else {
		set += "reviewed_by = ?, reviewed_at = ?, review_reason = ?, review_result = '" + ResultDisclose + "'"
	}
	args = append(args, a.who.ID, now, a.d.Reason)
	if err := setStatus(ctx, tx, v, StatusScheduled, set, args...); err != nil {
		return err
	}
	v.PublishAt = &at
	// An older version still waiting for its time will never go out.
	_, err := tx.Exec(ctx, "UPDATE notice_versions SET status = ?, ended_at = ? WHERE notice_id = ? AND id <> ? AND status = ?",
		StatusSuperseded, now, v.NoticeID, v.ID, StatusScheduled)
	return err
}

// assignIndexNo gives a notice its index number at its first approval.
func assignIndexNo(ctx context.Context, tx *store.Tx, org string, v *Version, year int) error {
	var existing *string
	if err := tx.Get(ctx, &existing, "SELECT index_no FROM notices WHERE id = ?", v.NoticeID); err != nil {
		return err
	}
	if existing != nil {
		return nil
	}
	cat, err := catalogue.Get(ctx, tx, v.CategoryID)
	if err != nil {
		return err
	}
	seq, err := catalogue.NextSequence(ctx, tx, cat.Code, year)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, "UPDATE notices SET index_no = ? WHERE id = ?", catalogue.IndexNumber(org, cat.Code, year, seq), v.NoticeID)
	return err
}
