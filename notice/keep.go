package notice

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// CodeSecondPerson: keeping a resident ID number unmasked needs an admin
// other than the reviewer who kept it (R6).
const CodeSecondPerson web.Code = "second_person"

// A reviewer who keeps a resident ID number (valid or suspected) does not
// approve yet: the decisions are stored and the version waits, still in
// review, until an admin other than that reviewer (and the author)
// confirms them (ConfirmKeep, which approves) or rejects them (RejectKeep,
// the version waits for a new decision). Nothing goes public before.

// ConfirmKeep is a second admin's consent to the resident ID numbers a
// reviewer kept: the reviewer's approval goes through as it was asked.
func (s *Service) ConfirmKeep(ctx context.Context, who Who, id int64, reason string) (*Detail, error) {
	if !who.can(auth.RoleAdmin) {
		return nil, web.Forbidden("only an admin confirms a kept ID number")
	}
	var c web.Check
	reason = c.Text("reason", reason, 500)
	if err := c.Err(); err != nil {
		return nil, err
	}
	return s.approve(ctx, approval{confirm: &who, confirmReason: reason}, id)
}

// RejectKeep refuses the kept ID numbers: the decisions are dropped and
// the version waits for a reviewer's decision again.
func (s *Service) RejectKeep(ctx context.Context, who Who, id int64, reason string) (*Detail, error) {
	if !who.can(auth.RoleAdmin) {
		return nil, web.Forbidden("only an admin rejects a kept ID number")
	}
	var c web.Check
	reason = c.Text("reason", reason, 500)
	if err := c.Err(); err != nil {
		return nil, err
	}
	p, err := s.policy(ctx)
	if err != nil {
		return nil, wrap("read the masking policy", err)
	}
	now := s.now()
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		_, head, err := loadCurrent(ctx, tx, id)
		if err != nil {
			return err
		}
		a := approval{confirm: &who}
		if err := confirmable(ctx, tx, &a, head); err != nil {
			return err
		}
		if err := clearKeepRequest(ctx, tx, head); err != nil {
			return err
		}
		if err := addHistory(ctx, tx, id, head.ID, who, "reject_keep", reason, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice.reject_keep", ObjectType: "notice", ObjectID: id,
			After: map[string]any{"version_id": head.ID, "reason": auditText(p, reason)}})
	})
	if err != nil {
		return nil, wrap("reject the kept ID numbers", err)
	}
	return s.Detail(ctx, id)
}

// requestKeep stores a reviewer's decisions that keep a resident ID
// number, and the opinion to approve with, until a second admin decides.
func requestKeep(ctx context.Context, tx *store.Tx, p privacy.Policy, who Who, head *Version, group []*Version,
	plans map[int64][]Decided, d Decision, now time.Time) error {
	var all []Decided
	for _, v := range group {
		if err := storeDecisions(ctx, tx, v.ID, plans[v.ID]); err != nil {
			return err
		}
		all = append(all, plans[v.ID]...)
	}
	if err := setStatus(ctx, tx, head, head.Status, `keep_requested_by = ?, keep_requested_at = ?, keep_request_reason = ?,
		keep_confirmed_by = NULL, keep_confirmed_at = NULL, updated_at = ?`, who.ID, now, d.Reason, now); err != nil {
		return err
	}
	if err := addHistory(ctx, tx, head.NoticeID, head.ID, who, "request_keep", d.Reason, now); err != nil {
		return err
	}
	for _, x := range all {
		if x.Decision == DecisionKeep {
			if err := addHistory(ctx, tx, head.NoticeID, head.ID, who, "keep", describeKeep(x), now); err != nil {
				return err
			}
		}
	}
	return audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice.request_keep", ObjectType: "notice",
		ObjectID: head.NoticeID, After: map[string]any{"version_id": head.ID, "reason": auditText(p, d.Reason),
			"findings": auditFindings(p, all)}})
}

// confirmable checks that a.confirm may confirm or reject what head's
// reviewer kept, and sets a.who and a.d to that reviewer's approval.
func confirmable(ctx context.Context, q store.Querier, a *approval, head *Version) error {
	if head.KeepRequestedBy == nil || !head.Status.pending() {
		return web.State("no kept resident ID number waits for confirmation on notice %d", head.NoticeID)
	}
	if a.confirm.ID == *head.KeepRequestedBy {
		return &web.Error{Status: 403, Code: CodeSecondPerson, Message: "an admin other than the reviewer who kept the ID number confirms it"}
	}
	if a.confirm.ID == head.AuthorID {
		return &web.Error{Status: 403, Code: CodeOwnNotice, Message: "a notice is reviewed by someone other than its author"}
	}
	var u struct {
		ID       int64     `db:"id"`
		Username string    `db:"username"`
		Role     auth.Role `db:"role"`
		Disabled bool      `db:"disabled"`
	}
	if err := q.Get(ctx, &u, "SELECT id, username, role, disabled FROM users WHERE id = ?", *head.KeepRequestedBy); err != nil {
		return fmt.Errorf("notice: unable to read the reviewer: %w", err)
	}
	if u.Disabled {
		return web.State("the reviewer who kept the ID number was disabled: a reviewer decides again")
	}
	a.who = Who{Actor: audit.Actor{ID: u.ID, Name: u.Username}, Role: u.Role}
	a.d = Decision{}
	if head.KeepRequestReason != nil {
		a.d.Reason = *head.KeepRequestReason
	}
	return nil
}

// recordConfirm records the second admin's confirmation.
func recordConfirm(ctx context.Context, tx *store.Tx, p privacy.Policy, a approval, head *Version, plans map[int64][]Decided, now time.Time) error {
	var kept []Decided
	for _, items := range plans {
		for _, d := range items {
			if d.Decision == DecisionKeep {
				kept = append(kept, d)
			}
		}
	}
	if err := addHistory(ctx, tx, head.NoticeID, head.ID, *a.confirm, "confirm_keep", a.confirmReason, now); err != nil {
		return err
	}
	return audit.Record(ctx, tx, a.confirm.Actor, audit.Entry{At: now, Action: "notice.confirm_keep", ObjectType: "notice",
		ObjectID: head.NoticeID, After: map[string]any{"version_id": head.ID, "requested_by": a.who.ID,
			"reason": auditText(p, a.confirmReason), "findings": auditFindings(p, kept)}})
}

// clearKeepRequest drops the decisions stored on v, which is not approved
// (recalled, refused, referred, rejected), and a pending request with
// them, including the decisions it stored on the pending versions of the
// interpretations approved with v.
func clearKeepRequest(ctx context.Context, tx *store.Tx, v *Version) error {
	if v.ApprovedBy != nil {
		return nil
	}
	if _, err := tx.Exec(ctx, "DELETE FROM notice_findings WHERE version_id = ?", v.ID); err != nil {
		return fmt.Errorf("notice: unable to drop the decisions on findings: %w", err)
	}
	if v.KeepRequestedBy == nil {
		return nil
	}
	if _, err := tx.Exec(ctx, `DELETE FROM notice_findings WHERE version_id IN (SELECT cv.id FROM notice_versions cv
		JOIN notices n ON n.current_version_id = cv.id JOIN notice_version_links l ON l.interpretation_id = n.id
		WHERE l.version_id = ? AND cv.status IN (?, ?))`, v.ID, StatusSubmitted, StatusReferred); err != nil {
		return fmt.Errorf("notice: unable to drop the decisions on findings: %w", err)
	}
	_, err := tx.Exec(ctx, `UPDATE notice_versions SET keep_requested_by = NULL, keep_requested_at = NULL, keep_request_reason = NULL
		WHERE id = ?`, v.ID)
	v.KeepRequestedBy, v.KeepRequestedAt, v.KeepRequestReason = nil, nil, nil
	return err
}

func errStaleKeep() error {
	return web.State("the text or its findings changed since the reviewer kept them: a reviewer decides again")
}
