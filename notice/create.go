package notice

import (
	"context"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Create writes a new notice: version 1, a draft of its author.
func (s *Service) Create(ctx context.Context, who Who, in Input) (*Detail, error) {
	p, err := s.policy(ctx)
	if err != nil {
		return nil, wrap("read the masking policy", err)
	}
	now := s.now()
	var id int64
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		v, atts, err := s.prepare(ctx, tx, in, 0)
		if err != nil {
			return err
		}
		if err := tx.Get(ctx, &id, "INSERT INTO notices (created_by, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
			who.ID, now, now); err != nil {
			return err
		}
		v.NoticeID, v.Number, v.Status, v.AuthorID, v.CreatedAt, v.UpdatedAt = id, 1, StatusDraft, who.ID, now, now
		if v.ID, err = insertVersion(ctx, tx, v, atts); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE notices SET current_version_id = ? WHERE id = ?", v.ID, id); err != nil {
			return err
		}
		if err := addHistory(ctx, tx, id, v.ID, who, "create", "", now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice.create", ObjectType: "notice", ObjectID: id, After: summary(p, v)})
	})
	if err != nil {
		return nil, wrap("create a notice", err)
	}
	return s.Detail(ctx, id)
}

// Save changes a notice. A draft is changed in place, by its author only.
// A notice that was refused, approved, scheduled, published or expired
// gets a new draft version; what is live stays live until the new version
// is approved (R4). A notice in review must be recalled first.
func (s *Service) Save(ctx context.Context, who Who, id int64, in Input) (*Detail, error) {
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
			return web.State("the notice was withdrawn")
		}
		if in.BaseVersionID != 0 && in.BaseVersionID != cur.ID {
			return web.Conflict("base_version_id", "the notice changed meanwhile (now version %d); reload it", cur.Number)
		}
		v, atts, err := s.prepare(ctx, tx, in, id)
		if err != nil {
			return err
		}
		action := "save"
		switch cur.Status {
		case StatusDraft:
			if cur.AuthorID != who.ID {
				return web.Forbidden("only the author of a draft edits it")
			}
			ok, err := updateContent(ctx, tx, cur.ID, v, atts, now)
			if err != nil {
				return err
			}
			if !ok {
				return web.State("the draft was submitted meanwhile")
			}
			v.ID, v.Number = cur.ID, cur.Number
		case StatusSubmitted, StatusReferred:
			return web.State("the notice is in review; recall it before editing")
		case StatusRefused, StatusScheduled, StatusPublished, StatusExpired:
			action = "new_version"
			v.NoticeID, v.Number, v.Status, v.AuthorID, v.CreatedAt, v.UpdatedAt = id, cur.Number+1, StatusDraft, who.ID, now, now
			if v.ID, err = insertVersion(ctx, tx, v, atts); err != nil {
				return err
			}
		default:
			return web.State("a %s notice cannot be edited", cur.Status)
		}
		if _, err := tx.Exec(ctx, "UPDATE notices SET current_version_id = ?, updated_at = ? WHERE id = ?", v.ID, now, id); err != nil {
			return err
		}
		if err := addHistory(ctx, tx, id, v.ID, who, action, "", now); err != nil {
			return err
		}
		v.NoticeID = id
		return audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice." + action, ObjectType: "notice", ObjectID: id,
			Before: summary(p, cur), After: summary(p, v)})
	})
	if err != nil {
		return nil, wrap("save the notice", err)
	}
	return s.Detail(ctx, id)
}
