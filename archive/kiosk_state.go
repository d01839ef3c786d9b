package archive

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// KioskStatus is a kiosk's misses as admins see them: Misses counted in
// the window now (hits between them change nothing), Left before the lock.
type KioskStatus struct {
	Kiosk       string     `json:"kiosk"`
	Misses      int        `json:"misses"`
	Left        int        `json:"left"`
	LastMissAt  *time.Time `json:"last_miss_at,omitempty"`
	NextAt      *time.Time `json:"next_at,omitempty"`
	LockedUntil *time.Time `json:"locked_until,omitempty"`
	Locks       int        `json:"locks"`
	Locked      bool       `json:"locked"`
}

// Kiosks lists the kiosks that missed or were locked, most recent first.
func (s *Service) Kiosks(ctx context.Context) ([]KioskStatus, error) {
	if err := s.rec.flush(ctx); err != nil {
		return nil, err
	}
	list, err := s.guard.List(ctx, LockKiosk, s.protection(ctx).kioskRule(), 200)
	if err != nil {
		return nil, err
	}
	out := make([]KioskStatus, len(list))
	for i, k := range list {
		out[i] = KioskStatus{Kiosk: k.Name, Misses: k.Misses, Left: k.Left, LastMissAt: k.LastMissAt, NextAt: k.NextAt,
			LockedUntil: k.LockedUntil, Locks: k.Locks, Locked: k.Locked}
	}
	return out, nil
}

// Locks lists the client addresses and the persons' keys (by dataset
// and a hash, never the values) that missed in the window or are locked.
func (s *Service) Locks(ctx context.Context) (addresses, keys []lockout.Status, err error) {
	p := s.protection(ctx)
	if addresses, err = s.guard.List(ctx, LockAddress, p.addressRule(), 200); err != nil {
		return nil, nil, err
	}
	keys, err = s.guard.List(ctx, LockKeys, p.keyRule(), 200)
	return addresses, keys, err
}

// UnlockKiosk ends a kiosk's lock and forgets its misses, on every
// instance.
func (s *Service) UnlockKiosk(ctx context.Context, who audit.Actor, kiosk string) error {
	return s.Unlock(ctx, who, LockKiosk, kiosk)
}

// Unlock ends the lock of a kiosk, an address or a person's keys (kind
// LockKiosk, LockAddress or LockKeys) and forgets its misses.
func (s *Service) Unlock(ctx context.Context, who audit.Actor, kind, name string) error {
	action := map[string]string{LockKiosk: "archive.kiosk.unlock", LockAddress: "archive.address.unlock", LockKeys: "archive.keys.unlock"}[kind]
	if action == "" {
		return web.Invalid("kind", web.CodeInvalid, "want %s, %s or %s", LockKiosk, LockAddress, LockKeys)
	}
	now := s.now()
	found, err := s.guard.Unlock(ctx, kind, name, func(tx *store.Tx) error {
		object := "kiosk:" + name
		if kind != LockKiosk {
			object = kind + ":" + name
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: action, ObjectType: object})
	})
	if err != nil {
		return err
	}
	if !found {
		return web.NotFound(map[string]string{LockKiosk: "kiosk", LockAddress: "address", LockKeys: "keys"}[kind])
	}
	return nil
}
