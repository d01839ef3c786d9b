package notice

import (
	"context"
	"strings"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Decision is a reviewer's 保密审查 decision.
type Decision struct {
	// Reason is the review opinion (审查意见); required.
	Reason string `json:"reason"`
	// Findings decide, for an approval, each personal-data finding (R6):
	// mask (the default for a finding not listed) or keep with a reason
	// ("这是文号/热线，不是个人信息"). Only kept findings stay unmasked in the
	// public text; keeping a resident ID number waits for a second admin.
	Findings []FindingDecision `json:"findings"`
	// OverrideReason is the former blanket override. It never unmasks
	// anything: it acknowledges the findings, and every finding without a
	// decision is masked in the public text. It is recorded.
	OverrideReason string `json:"override_reason"`
}

func (d *Decision) check() error {
	var c web.Check
	d.Reason = c.Text("reason", d.Reason, 500)
	d.OverrideReason = strings.TrimSpace(d.OverrideReason)
	c.MaxRunes("override_reason", d.OverrideReason, 500)
	checkDecisions(&c, d.Findings)
	return c.Err()
}

// canDecide checks that who may decide on v now: v waits for review, who
// is a reviewer and not its author (R4), and a referred version is
// decided by an admin.
func canDecide(who Who, v *Version) error {
	if !who.can(auth.RoleReviewer) {
		return web.Forbidden("only reviewers decide on notices")
	}
	if !v.Status.pending() {
		return web.State("notice %d is not waiting for review (it is %s)", v.NoticeID, v.Status)
	}
	if who.ID == v.AuthorID {
		return &web.Error{Status: 403, Code: CodeOwnNotice, Message: "a notice is reviewed by someone other than its author"}
	}
	if v.Status == StatusReferred && !who.can(auth.RoleAdmin) {
		return web.Forbidden("this notice was referred up: an admin decides")
	}
	return nil
}

// Refuse decides 不予公开: the version is refused with a reason; the
// editor may write a new version.
func (s *Service) Refuse(ctx context.Context, who Who, id int64, d Decision) (*Detail, error) {
	return s.decide(ctx, who, id, d, StatusRefused, ResultWithhold, "refuse")
}

// Refer decides 需报审: the version waits for an admin's decision.
func (s *Service) Refer(ctx context.Context, who Who, id int64, d Decision) (*Detail, error) {
	return s.decide(ctx, who, id, d, StatusReferred, ResultRefer, "refer")
}

func (s *Service) decide(ctx context.Context, who Who, id int64, d Decision, to Status, result, action string) (*Detail, error) {
	if err := d.check(); err != nil {
		return nil, err
	}
	p, err := s.policy(ctx)
	if err != nil {
		return nil, wrap("read the masking policy", err)
	}
	now := s.now()
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		_, v, err := loadCurrent(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := canDecide(who, v); err != nil {
			return err
		}
		if err := clearKeepRequest(ctx, tx, v); err != nil {
			return err
		}
		if to == StatusReferred && v.Status == StatusReferred {
			return web.State("the notice is already referred up")
		}
		if v.Status == StatusReferred { // an admin's decision after a referral
			err = setStatus(ctx, tx, v, to, "decided_by = ?, decided_at = ?, decision_reason = ?", who.ID, now, d.Reason)
		} else {
			err = setStatus(ctx, tx, v, to, "reviewed_by = ?, reviewed_at = ?, review_result = ?, review_reason = ?",
				who.ID, now, result, d.Reason)
		}
		if err != nil {
			return err
		}
		if err := addHistory(ctx, tx, id, v.ID, who, action, d.Reason, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice." + action, ObjectType: "notice", ObjectID: id,
			After: map[string]any{"version_id": v.ID, "reason": auditText(p, d.Reason)}})
	})
	if err != nil {
		return nil, wrap(action+" the notice", err)
	}
	return s.Detail(ctx, id)
}
