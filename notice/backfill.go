package notice

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/store"
)

// FillPublicText stores the public text of approved versions that have
// none: versions approved before public texts were stored, including
// those let through by the former blanket override. Every finding is
// masked (nothing was kept finding by finding). A live notice's change
// time moves, so that the search index reads its public text again. The
// server calls it at start; it returns how many versions it filled.
func (s *Service) FillPublicText(ctx context.Context) (int, error) {
	p, err := s.policy(ctx)
	if err != nil {
		return 0, wrap("read the masking policy", err)
	}
	filled := 0
	var last int64
	for {
		var ids []int64
		if err := s.db.Select(ctx, &ids, `SELECT id FROM notice_versions WHERE public_title IS NULL AND approved_at IS NOT NULL
			AND id > ? ORDER BY id LIMIT ?`, last, purgeBatch); err != nil {
			return filled, fmt.Errorf("notice: unable to list versions without public text: %w", err)
		}
		for _, id := range ids {
			last = id
			err := s.db.Tx(ctx, func(tx *store.Tx) error {
				v, err := loadVersion(ctx, tx, id)
				if err != nil {
					return err
				}
				now := s.now()
				if err := storePublic(ctx, tx, p, v, nil, now); err != nil {
					return err
				}
				_, err = tx.Exec(ctx, "UPDATE notices SET updated_at = ? WHERE live_version_id = ?", now, id)
				return err
			})
			if err != nil {
				return filled, fmt.Errorf("notice: unable to store the public text of version %d: %w", id, err)
			}
			filled++
		}
		if len(ids) < purgeBatch {
			return filled, nil
		}
	}
}
