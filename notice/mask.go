package notice

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Mask applies the masking policy to every finding of the current version
// in one step: title, body, LED text, guide fields and the cells of CSV
// and XLSX attachments. The author may mask a draft; a reviewer (not the
// author) may mask a version in review before approving it.
func (s *Service) Mask(ctx context.Context, who Who, id int64) (*Detail, error) {
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
		switch {
		case v.Status == StatusDraft && v.AuthorID == who.ID:
		case v.Status.pending() && who.can(auth.RoleReviewer) && who.ID != v.AuthorID:
		default:
			return web.Forbidden("masking changes the text: the author masks a draft, a reviewer a notice in review")
		}
		fs, err := scanVersion(ctx, tx, p, v)
		if err != nil {
			return err
		}
		if len(fs) == 0 {
			return nil
		}
		t := MaskTexts(p, textsOf(v))
		html, text := Render(t.Body)
		var guide *string
		if t.Guide != nil {
			g := mustJSON(t.Guide)
			guide = &g
		}
		if err := setStatus(ctx, tx, v, v.Status, "title = ?, body_md = ?, body_html = ?, body_text = ?, led_text = ?, guide_json = ?, updated_at = ?",
			t.Title, t.Body, html, text, t.LEDText, guide, now); err != nil {
			return err
		}
		if err := maskAttachments(ctx, tx, p, v, now); err != nil {
			return err
		}
		reason := fmt.Sprintf("%d", len(fs))
		if err := addHistory(ctx, tx, id, v.ID, who, "mask", reason, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who.Actor, audit.Entry{At: now, Action: "notice.mask", ObjectType: "notice", ObjectID: id,
			After: map[string]any{"version_id": v.ID, "findings": len(fs)}})
	})
	if err != nil {
		return nil, wrap("mask the notice", err)
	}
	return s.Detail(ctx, id)
}

// maskAttachments replaces the data attachments of v that hold personal
// data with masked copies.
func maskAttachments(ctx context.Context, tx *store.Tx, p privacy.Policy, v *Version, at time.Time) error {
	for _, a := range v.Attachments {
		ft := typeByContentType(a.ContentType)
		if !ft.data {
			continue
		}
		data, err := getBlob(ctx, tx, a.SHA256)
		if err != nil {
			return err
		}
		masked, changed, err := maskData(p, ft, data)
		if err != nil {
			return fmt.Errorf("notice: masking %s: %w", a.Name, err)
		}
		if !changed {
			continue
		}
		digest, err := putBlob(ctx, tx, masked, a.ContentType, at)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE notice_attachments SET sha256 = ?, size = ? WHERE id = ?", digest, len(masked), a.ID); err != nil {
			return err
		}
	}
	return nil
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
