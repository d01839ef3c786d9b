package archive

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/store"
)

// Outcomes of a kiosk query, as audited.
const (
	OutcomeHit    = "hit"
	OutcomeMiss   = "miss"
	OutcomeLocked = "locked" // refused: the kiosk is locked after too many misses
	OutcomeSlowed = "slowed" // refused: the kiosk asked again too soon after misses
)

// kioskState is a kiosk's run of misses, shared by every instance.
type kioskState struct {
	Misses      int        `db:"misses"`
	LastMissAt  *time.Time `db:"last_miss_at"`
	NextAt      *time.Time `db:"next_at"`
	LockedUntil *time.Time `db:"locked_until"`
	Locks       int        `db:"locks"`
}

// refusal says whether a kiosk in state st may query now: "" when it
// may, else OutcomeLocked or OutcomeSlowed with the time to wait.
func (st kioskState) refusal(now time.Time) (string, time.Duration) {
	if st.LockedUntil != nil && st.LockedUntil.After(now) {
		return OutcomeLocked, st.LockedUntil.Sub(now)
	}
	if st.NextAt != nil && st.NextAt.After(now) {
		return OutcomeSlowed, st.NextAt.Sub(now)
	}
	return "", 0
}

// after is the state once a query ended in a hit or a miss at now. A hit
// ends the run of misses; a miss extends it, slows the kiosk from the
// SlowAfter-th miss and locks it at the LockAfter-th (the run then starts
// again).
func (p Protection) after(st kioskState, hit bool, now time.Time) kioskState {
	if hit {
		st.Misses, st.NextAt = 0, nil
		return st
	}
	if st.LastMissAt != nil && now.Sub(*st.LastMissAt) > p.missWindow() {
		st.Misses = 0
	}
	st.Misses++
	at := now
	st.LastMissAt, st.NextAt = &at, nil
	switch {
	case st.Misses >= p.LockAfter:
		until := now.Add(p.lockFor())
		st.LockedUntil, st.Misses = &until, 0
		st.Locks++
	case p.SlowAfter > 0 && st.Misses >= p.SlowAfter:
		wait := time.Duration(p.SlowStepSeconds*(st.Misses-p.SlowAfter+1)) * time.Second
		next := now.Add(min(wait, time.Duration(p.SlowMaxSeconds)*time.Second))
		st.NextAt = &next
	}
	return st
}

// kioskStatesOf reads the states of several kiosks (missing ones are
// absent from the map).
func kioskStatesOf(ctx context.Context, q store.Querier, kiosks []string, forUpdate bool) (map[string]kioskState, error) {
	var rows []struct {
		Kiosk string `db:"kiosk_id"`
		kioskState
	}
	query := "SELECT kiosk_id, misses, last_miss_at, next_at, locked_until, locks FROM archive_kiosks WHERE kiosk_id IN (?" +
		strings.Repeat(", ?", len(kiosks)-1) + ")"
	if forUpdate && q.Dialect() == store.Postgres {
		query += " FOR UPDATE"
	}
	args := make([]any, len(kiosks))
	for i, k := range kiosks {
		args[i] = k
	}
	if err := q.Select(ctx, &rows, query, args...); err != nil {
		return nil, fmt.Errorf("archive: unable to read the state of kiosks: %w", err)
	}
	out := make(map[string]kioskState, len(rows))
	for _, r := range rows {
		out[r.Kiosk] = r.kioskState
	}
	return out, nil
}

// saveKioskStates writes the states of several kiosks in one statement.
func saveKioskStates(ctx context.Context, tx *store.Tx, states map[string]kioskState) error {
	args := make([]any, 0, 6*len(states))
	for k, st := range states {
		args = append(args, k, st.Misses, st.LastMissAt, st.NextAt, st.LockedUntil, st.Locks)
	}
	_, err := tx.Exec(ctx, `INSERT INTO archive_kiosks (kiosk_id, misses, last_miss_at, next_at, locked_until, locks) VALUES (?, ?, ?, ?, ?, ?)`+
		strings.Repeat(", (?, ?, ?, ?, ?, ?)", len(states)-1)+`
		ON CONFLICT (kiosk_id) DO UPDATE SET misses = excluded.misses, last_miss_at = excluded.last_miss_at, next_at = excluded.next_at,
		locked_until = excluded.locked_until, locks = excluded.locks`, args...)
	if err != nil {
		return fmt.Errorf("archive: unable to save the state of kiosks: %w", err)
	}
	return nil
}
