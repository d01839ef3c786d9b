package notice

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// insertVersion stores v (content from prepare) as version number of
// notice, with its targets, links and attachments, and returns its ID.
func insertVersion(ctx context.Context, tx *store.Tx, v *Version, atts []Attachment) (int64, error) {
	var id int64
	err := tx.Get(ctx, &id, `INSERT INTO notice_versions (notice_id, number, status, title, body_md, body_html, body_text,
		led_text, kind, category_id, disclosure, source_dept, made_on, publish_at, expire_at, period_n, period_unit,
		priority, duration_s, all_screens, guide_json, author_id, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		v.NoticeID, v.Number, v.Status, v.Title, v.Body, v.HTML, v.Text, v.LEDText, v.Kind, v.CategoryID, v.Disclosure,
		v.SourceDept, v.MadeOn, v.PublishAt, v.ExpireAt, v.PeriodN, v.PeriodUnit, v.Priority, v.Duration, v.AllScreens,
		v.GuideJSON, v.AuthorID, v.CreatedAt, v.UpdatedAt)
	if err != nil {
		return 0, fmt.Errorf("notice: unable to store a version: %w", err)
	}
	return id, writeParts(ctx, tx, id, v, atts)
}

// updateContent rewrites the content of a draft in place. It reports
// false when the version is no longer a draft.
func updateContent(ctx context.Context, tx *store.Tx, id int64, v *Version, atts []Attachment, at time.Time) (bool, error) {
	res, err := tx.Exec(ctx, `UPDATE notice_versions SET title = ?, body_md = ?, body_html = ?, body_text = ?, led_text = ?,
		kind = ?, category_id = ?, disclosure = ?, source_dept = ?, made_on = ?, publish_at = ?, expire_at = ?, period_n = ?,
		period_unit = ?, priority = ?, duration_s = ?, all_screens = ?, guide_json = ?, updated_at = ?
		WHERE id = ? AND status = ?`,
		v.Title, v.Body, v.HTML, v.Text, v.LEDText, v.Kind, v.CategoryID, v.Disclosure, v.SourceDept, v.MadeOn,
		v.PublishAt, v.ExpireAt, v.PeriodN, v.PeriodUnit, v.Priority, v.Duration, v.AllScreens, v.GuideJSON, at,
		id, StatusDraft)
	if err != nil {
		return false, fmt.Errorf("notice: unable to save version %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	for _, table := range []string{"notice_version_groups", "notice_version_links", "notice_attachments"} {
		if _, err := tx.Exec(ctx, "DELETE FROM "+table+" WHERE version_id = ?", id); err != nil {
			return false, fmt.Errorf("notice: unable to save version %d: %w", id, err)
		}
	}
	return true, writeParts(ctx, tx, id, v, atts)
}

// writeParts stores the target groups, links and attachments of a version.
func writeParts(ctx context.Context, tx *store.Tx, id int64, v *Version, atts []Attachment) error {
	for _, g := range v.Groups {
		if _, err := tx.Exec(ctx, "INSERT INTO notice_version_groups (version_id, group_id) VALUES (?, ?)", id, g); err != nil {
			return fmt.Errorf("notice: unable to store target groups: %w", err)
		}
	}
	for _, l := range v.Interpretations {
		if _, err := tx.Exec(ctx, "INSERT INTO notice_version_links (version_id, interpretation_id) VALUES (?, ?)", id, l); err != nil {
			return fmt.Errorf("notice: unable to store links: %w", err)
		}
	}
	return writeAttachments(ctx, tx, id, atts)
}
