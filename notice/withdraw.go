package notice

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Withdraw takes a notice out of circulation, with a reason (admins only):
// its live, scheduled and pending versions are withdrawn, it leaves the
// screens and the archive, and it cannot be edited again. A policy
// document is withdrawn with its interpretations (R5); an interpretation
// whose policy document is live cannot be withdrawn alone (publish a new
// version of it, or withdraw the policy document).
func (s *Service) Withdraw(ctx context.Context, who Who, id int64, reason string) (*Detail, error) {
	if !who.can(auth.RoleAdmin) {
		return nil, web.Forbidden("only admins withdraw notices")
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
		n, cur, err := loadCurrent(ctx, tx, id)
		if err != nil {
			return err
		}
		if n.WithdrawnAt != nil {
			return web.State("the notice was already withdrawn")
		}
		ids := []int64{id}
		switch cur.Kind {
		case KindPolicy:
			ids = append(ids, cur.Interpretations...)
		case KindInterpretation:
			if p, err := livePolicy(ctx, tx, id); err != nil {
				return err
			} else if p != nil {
				return web.State("the 政策文件 %d is live with this 政策解读: withdraw the 政策文件, or publish a new version of the 政策解读", p.NoticeID)
			}
		}
		for _, nid := range ids {
			if err := withdrawOne(ctx, tx, who, nid, reason, now); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice.withdraw", ObjectType: "notice", ObjectID: id,
			After: map[string]any{"notices": ids, "reason": auditText(p, reason)}})
	})
	if err != nil {
		return nil, wrap("withdraw the notice", err)
	}
	return s.Detail(ctx, id)
}

func withdrawOne(ctx context.Context, tx *store.Tx, who Who, id int64, reason string, at time.Time) error {
	n, err := loadNotice(ctx, tx, id)
	if err != nil || n.WithdrawnAt != nil {
		return err
	}
	live, err := loadLive(ctx, tx, n)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE notice_versions SET status = ?, ended_at = ? WHERE notice_id = ? AND status IN (?, ?, ?, ?, ?, ?)",
		StatusWithdrawn, at, id, StatusDraft, StatusSubmitted, StatusReferred, StatusScheduled, StatusPublished, StatusExpired); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "UPDATE notices SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ?, updated_at = ? WHERE id = ?",
		at, who.ID, reason, at, id); err != nil {
		return err
	}
	if live != nil && live.Status == StatusPublished {
		publishEvent(tx, EventWithdrawn, live, nil)
	}
	return addHistory(ctx, tx, id, 0, who, "withdraw", reason, at)
}
