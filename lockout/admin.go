package lockout

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// Status is a scope as admins see it.
type Status struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
	// Misses is the count in the window now, Left how many more lock it.
	Misses      int        `json:"misses"`
	Left        int        `json:"left"`
	LastMissAt  *time.Time `json:"last_miss_at,omitempty"`
	NextAt      *time.Time `json:"next_at,omitempty"`
	LockedUntil *time.Time `json:"locked_until,omitempty"`
	Locks       int        `json:"locks"`
	Locked      bool       `json:"locked"`
}

// List returns the stored scopes of a kind, most recent miss first, at
// most limit, once this instance's waiting misses are written.
func (g *Guard) List(ctx context.Context, kind string, r Rule, limit int) ([]Status, error) {
	if err := g.Flush(ctx); err != nil {
		return nil, err
	}
	var rows []row
	if err := g.db.Select(ctx, &rows, "SELECT "+rowColumns+" FROM lockouts WHERE "+ofKind+" ORDER BY last_miss_at DESC NULLS LAST, scope LIMIT ?",
		append(kindPrefix(kind), limit)...); err != nil {
		return nil, fmt.Errorf("lockout: unable to list %s: %w", kind, err)
	}
	now := g.clock.Now()
	out := make([]Status, 0, len(rows))
	for _, rw := range rows {
		st, err := rw.state()
		if err != nil {
			return nil, err
		}
		reason, _ := st.Refused(now)
		kind, name := rw.split()
		out = append(out, Status{Kind: kind, Name: name, Misses: st.Count(r, now), Left: st.Left(r, now), LastMissAt: st.LastMissAt,
			NextAt: st.NextAt, LockedUntil: st.LockedUntil, Locks: st.Locks, Locked: reason == Locked})
	}
	return out, nil
}

// Unlock ends a scope's lock and forgets its misses, on every instance;
// also runs in the same transaction (an audit entry). found is false when
// the scope has no stored row.
func (g *Guard) Unlock(ctx context.Context, kind, name string, also func(tx *store.Tx) error) (found bool, err error) {
	g.flushMu.Lock()
	defer g.flushMu.Unlock()
	if err := g.flushLocked(ctx); err != nil {
		return false, err
	}
	id := Scope{Kind: kind, Name: name}.id()
	var seq int64
	var st State
	err = g.db.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if seq, err = nextSeq(ctx, tx); err != nil {
			return err
		}
		res, err := tx.Exec(ctx, "UPDATE lockouts SET misses = '', next_at = NULL, locked_until = NULL, seq = ?, origin = ? WHERE scope = ?",
			seq, g.origin, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		found = true
		states, err := readStates(ctx, tx, []string{id})
		if err != nil {
			return err
		}
		st = states[id]
		if also != nil {
			return also(tx)
		}
		return nil
	})
	if err != nil || !found {
		return false, wrapUnlock(err)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if e := g.entries[id]; e != nil {
		e.base, e.seq = st, seq
		e.st = fold(st, e.pending)
	}
	return true, nil
}

func wrapUnlock(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("lockout: unable to unlock: %w", err)
}
