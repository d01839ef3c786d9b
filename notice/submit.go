package notice

import (
	"context"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Submit sends the author's draft to review. It checks what a reviewer
// needs (a complete service guide); personal data found now does not
// block the submission but is returned, and blocks the approval (R6).
func (s *Service) Submit(ctx context.Context, who Who, id int64) (*Detail, error) {
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
		if v.Status != StatusDraft {
			return web.State("only a draft can be submitted (this version is %s)", v.Status)
		}
		if v.AuthorID != who.ID {
			return web.Forbidden("only the author submits a draft")
		}
		if err := checkComplete(v); err != nil {
			return err
		}
		if err := setStatus(ctx, tx, v, StatusSubmitted, "submitted_at = ?", now); err != nil {
			return err
		}
		if err := addHistory(ctx, tx, id, v.ID, who, "submit", "", now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice.submit", ObjectType: "notice", ObjectID: id, After: summary(p, v)})
	})
	if err != nil {
		return nil, wrap("submit the notice", err)
	}
	return s.Detail(ctx, id)
}

// Recall takes the author's submitted version back to a draft.
func (s *Service) Recall(ctx context.Context, who Who, id int64) (*Detail, error) {
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
		if v.Status != StatusSubmitted {
			return web.State("only a submitted version can be recalled (this one is %s)", v.Status)
		}
		if v.AuthorID != who.ID {
			return web.Forbidden("only the author recalls a submission")
		}
		if err := clearKeepRequest(ctx, tx, v); err != nil {
			return err
		}
		if err := setStatus(ctx, tx, v, StatusDraft, "submitted_at = NULL"); err != nil {
			return err
		}
		if err := addHistory(ctx, tx, id, v.ID, who, "recall", "", now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice.recall", ObjectType: "notice", ObjectID: id, After: summary(p, v)})
	})
	if err != nil {
		return nil, wrap("recall the notice", err)
	}
	return s.Detail(ctx, id)
}

// checkComplete checks what review needs beyond a valid draft.
func checkComplete(v *Version) error {
	var c web.Check
	if v.Kind == KindGuide {
		g := v.Guide
		if g == nil {
			g = &Guide{}
		}
		g.check(&c, true)
	}
	c.That(v.Body != "" || len(v.Attachments) > 0, "body", web.CodeRequired, "write a text or attach a file")
	return c.Err()
}

// setStatus moves v to status if it is still in the status and state it
// was read in (nobody changed it meanwhile); set adds assignments.
func setStatus(ctx context.Context, tx *store.Tx, v *Version, to Status, set string, args ...any) error {
	q := "UPDATE notice_versions SET status = ?"
	if set != "" {
		q += ", " + set
	}
	q += " WHERE id = ? AND status = ? AND updated_at = ?"
	all := append([]any{to}, args...)
	all = append(all, v.ID, v.Status, v.UpdatedAt)
	res, err := tx.Exec(ctx, q, all...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			return err
		}
		return web.State("the notice changed meanwhile; reload it")
	}
	v.Status = to
	return nil
}
