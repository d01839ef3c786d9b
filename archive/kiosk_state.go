package archive

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// KioskStatus is a kiosk's run of misses as admins see it.
type KioskStatus struct {
	Kiosk       string     `db:"kiosk_id" json:"kiosk"`
	Misses      int        `db:"misses" json:"misses"`
	LastMissAt  *time.Time `db:"last_miss_at" json:"last_miss_at,omitempty"`
	NextAt      *time.Time `db:"next_at" json:"next_at,omitempty"`
	LockedUntil *time.Time `db:"locked_until" json:"locked_until,omitempty"`
	Locks       int        `db:"locks" json:"locks"`
	Locked      bool       `db:"-" json:"locked"`
}

// Kiosks lists the kiosks that missed or were locked, most recent first.
func (s *Service) Kiosks(ctx context.Context) ([]KioskStatus, error) {
	if err := s.rec.flush(ctx); err != nil {
		return nil, err
	}
	out := []KioskStatus{}
	if err := s.db.Select(ctx, &out, `SELECT kiosk_id, misses, last_miss_at, next_at, locked_until, locks FROM archive_kiosks
		ORDER BY last_miss_at DESC NULLS LAST LIMIT 200`); err != nil {
		return nil, fmt.Errorf("archive: unable to list kiosks: %w", err)
	}
	now := s.now()
	for i := range out {
		out[i].Locked = out[i].LockedUntil != nil && out[i].LockedUntil.After(now)
	}
	return out, nil
}

// UnlockKiosk ends a kiosk's lock and its run of misses.
func (s *Service) UnlockKiosk(ctx context.Context, who audit.Actor, kiosk string) error {
	now := s.now()
	if err := s.rec.flush(ctx); err != nil {
		return err
	}
	defer s.rec.forget(kiosk)
	return s.db.Tx(ctx, func(tx *store.Tx) error {
		res, err := tx.Exec(ctx, "UPDATE archive_kiosks SET misses = 0, next_at = NULL, locked_until = NULL WHERE kiosk_id = ?", kiosk)
		if err != nil {
			return fmt.Errorf("archive: unable to unlock a kiosk: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return web.NotFound("kiosk")
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "archive.kiosk.unlock", ObjectType: "kiosk:" + kiosk})
	})
}
