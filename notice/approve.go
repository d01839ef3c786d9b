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
// and cannot be approved without one (R5); personal data blocks the
// approval unless masked or overridden with a reason (R6). The approved
// version is scheduled for its publication time, or published at once
// when that time has come; a live older version stays live until then.
func (s *Service) Approve(ctx context.Context, who Who, id int64, d Decision) (*Detail, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
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
		if err := canDecide(who, head); err != nil {
			return err
		}
		partners, err := approvalPartners(ctx, tx, who, head)
		if err != nil {
			return err
		}
		at := now
		if head.PublishAt != nil && head.PublishAt.After(now) {
			at = *head.PublishAt
		}
		group := append([]*Version{head}, partners...)
		for _, v := range group {
			if err := s.checkApprovable(ctx, tx, policy, v, d, at); err != nil {
				return err
			}
		}
		for _, v := range group {
			if err := approveVersion(ctx, tx, who, v, head, d, at, now); err != nil {
				return err
			}
			if err := assignIndexNo(ctx, tx, org, v, at.In(s.loc).Year()); err != nil {
				return err
			}
			if err := addHistory(ctx, tx, v.NoticeID, v.ID, who, "approve", d.Reason, now); err != nil {
				return err
			}
			if d.OverrideReason != "" && v.PrivacyOverride != nil {
				if err := addHistory(ctx, tx, v.NoticeID, v.ID, who, "override", d.OverrideReason, now); err != nil {
					return err
				}
			}
			if err := audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice.approve", ObjectType: "notice",
				ObjectID: v.NoticeID, After: map[string]any{"version_id": v.ID, "reason": d.Reason, "override": v.PrivacyOverride}}); err != nil {
				return err
			}
		}
		if at.After(now) {
			return nil // PublishDue publishes the group at its time
		}
		return s.publishGroup(ctx, tx, who, head, partners, now)
	})
	if err != nil {
		return nil, wrap("approve the notice", err)
	}
	return s.Detail(ctx, id)
}

// checkApprovable checks one version of the group: proactive disclosure,
// a complete guide, a notice period the calendar covers, and no personal
// data unless overridden.
func (s *Service) checkApprovable(ctx context.Context, q store.Querier, p privacy.Policy, v *Version, d Decision, at time.Time) error {
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
	fs, err := scanVersion(ctx, q, p, v)
	if err != nil {
		return err
	}
	if len(fs) > 0 {
		if d.OverrideReason == "" {
			return personalDataError(fs)
		}
		v.PrivacyOverride = &d.OverrideReason
	}
	return nil
}

// approveVersion records the approval of v (head or a partner) and
// schedules it for at.
func approveVersion(ctx context.Context, tx *store.Tx, who Who, v, head *Version, d Decision, at, now time.Time) error {
	var pair any
	if v != head {
		pair = head.ID
	}
	set := "approved_by = ?, approved_at = ?, privacy_override = ?, publish_at = ?, pair_version_id = ?, "
	args := []any{who.ID, now, v.PrivacyOverride, at, pair}
	if v.Status == StatusReferred {
		set += "decided_by = ?, decided_at = ?, decision_reason = ?"
	} else {
		set += "reviewed_by = ?, reviewed_at = ?, review_reason = ?, review_result = '" + ResultDisclose + "'"
	}
	args = append(args, who.ID, now, d.Reason)
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
