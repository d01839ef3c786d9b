package notice

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
)

// purgeBatch bounds one round of PurgePremask.
const purgeBatch = 100

// PurgePremask removes pre-mask text from the version history: a version
// published at least the notice.premask_retention_days setting before
// now (or refused that long ago) keeps only its public text, in its
// texts and its attachments (the pre-mask file is left to PruneBlobs).
// What the public sees does not change. A daily job calls it; it returns
// how many versions it purged.
func (s *Service) PurgePremask(ctx context.Context, now time.Time) (int, error) {
	days, err := s.premaskRetention(ctx)
	if err != nil {
		return 0, wrap("read the retention of pre-mask text", err)
	}
	p, err := s.policy(ctx)
	if err != nil {
		return 0, wrap("read the masking policy", err)
	}
	cutoff := now.Add(-time.Duration(days) * 24 * time.Hour)
	purged := 0
	var last int64
	for {
		var ids []int64
		if err := s.db.Select(ctx, &ids, `SELECT id FROM notice_versions WHERE premask_purged_at IS NULL AND id > ?
			AND (published_at <= ? OR (status = ? AND COALESCE(decided_at, reviewed_at) <= ?)) ORDER BY id LIMIT ?`,
			last, cutoff, StatusRefused, cutoff, purgeBatch); err != nil {
			return purged, fmt.Errorf("notice: unable to list versions to purge: %w", err)
		}
		for _, id := range ids {
			last = id
			if err := s.db.Tx(ctx, func(tx *store.Tx) error { return purgeOne(ctx, tx, p, id, s.now()) }); err != nil {
				return purged, fmt.Errorf("notice: unable to purge version %d: %w", id, err)
			}
			purged++
		}
		if len(ids) < purgeBatch {
			return purged, nil
		}
	}
}

// purgeOne replaces the pre-mask text of one version by its public text
// (computed with every finding masked when the version has none, such as
// a refused one).
func purgeOne(ctx context.Context, tx *store.Tx, p privacy.Policy, id int64, now time.Time) error {
	v, err := loadVersion(ctx, tx, id)
	if err != nil {
		return err
	}
	if v.Public == nil {
		if err := storePublic(ctx, tx, p, v, nil, now); err != nil {
			return err
		}
	}
	pt := v.Public
	var guide *string
	if pt.Guide != nil {
		g := mustJSON(pt.Guide)
		guide = &g
	}
	if _, err := tx.Exec(ctx, `UPDATE notice_versions SET title = ?, body_md = ?, body_html = ?, body_text = ?, led_text = ?,
		guide_json = ?, premask_purged_at = ? WHERE id = ? AND premask_purged_at IS NULL`,
		pt.Title, pt.Body, pt.HTML, pt.Text, pt.LEDText, guide, now, id); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE notice_attachments SET sha256 = public_sha256, size = public_size
		WHERE version_id = ? AND public_sha256 IS NOT NULL`, id); err != nil {
		return err
	}
	if err := addHistory(ctx, tx, v.NoticeID, id, systemWho, "purge_premask", "", now); err != nil {
		return err
	}
	return audit.Record(ctx, tx, auditSystem, audit.Entry{At: now, Action: "notice.purge_premask", ObjectType: "notice",
		ObjectID: v.NoticeID, After: map[string]any{"version_id": id}})
}
