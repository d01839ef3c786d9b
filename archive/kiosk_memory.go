package archive

import (
	"context"
	"time"
)

// kioskEntry is this instance's view of one kiosk's run of misses: the
// state last read from or written to the database (base), and the
// outcomes of this instance's queries not written yet (pending), applied
// on top (st). The database stays the truth shared by instances: an entry
// older than kioskRefresh is read again, and each flush writes the
// pending outcomes and takes the merged state back. A lock set by another
// instance (or lifted by an admin there) is seen within kioskRefresh.
type kioskEntry struct {
	base    kioskState
	readAt  time.Time // wall clock, for kioskRefresh
	pending []kioskOutcome
	st      kioskState
}

type kioskOutcome struct {
	hit bool
	at  time.Time
}

const (
	// kioskRefresh is how long a kiosk's state is trusted without reading
	// the database again.
	kioskRefresh = time.Second
	// kioskForget drops entries of kiosks idle this long.
	kioskForget = 10 * time.Minute
)

// fold applies outcomes to a state in order.
func (p Protection) fold(st kioskState, outcomes []kioskOutcome) kioskState {
	for _, o := range outcomes {
		st = p.after(st, o.hit, o.at)
	}
	return st
}

// kioskState returns the kiosk's run of misses as this instance knows it,
// reading the database when the entry is missing or old.
func (r *recorder) kioskState(ctx context.Context, kiosk string, p Protection) (kioskState, error) {
	r.mu.Lock()
	e := r.kiosks[kiosk]
	if e != nil && time.Since(e.readAt) < kioskRefresh {
		st := e.st
		r.mu.Unlock()
		return st, nil
	}
	gen := r.gen
	r.mu.Unlock()
	st, err := r.s.statements(ctx)
	if err != nil {
		return kioskState{}, err
	}
	base, err := lookupReads{kiosk: st.kiosk}.kioskState(ctx, kiosk)
	if err != nil {
		return kioskState{}, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	e = r.kiosks[kiosk]
	if e != nil && r.gen != gen {
		// A flush settled while we read: its state is newer than ours.
		return e.st, nil
	}
	if e == nil {
		e = &kioskEntry{}
		r.kiosks[kiosk] = e
	}
	e.base, e.readAt = base, time.Now()
	e.st = p.fold(base, e.pending)
	return e.st, nil
}

// applyLocked adds a counted outcome to its kiosk's entry (r.mu held).
func (r *recorder) applyLocked(ev *queryEvent, p Protection) {
	e := r.kiosks[ev.kiosk]
	if e == nil {
		// Not read yet (an admin's test lookup, or a kiosk first seen):
		// the next read folds the pending outcome into the database state.
		e = &kioskEntry{}
		r.kiosks[ev.kiosk] = e
	}
	o := kioskOutcome{hit: ev.outcome == OutcomeHit, at: ev.at}
	e.pending = append(e.pending, o)
	e.st = p.after(e.st, o.hit, o.at)
}

// settleLocked takes the states a flush wrote as the new bases and drops
// the outcomes it wrote from the pending ones (r.mu held).
func (r *recorder) settleLocked(batch []*queryEvent, written map[string]kioskState, p Protection) {
	r.gen++
	n := map[string]int{}
	for _, ev := range batch {
		if ev.counts() {
			n[ev.kiosk]++
		}
	}
	now := time.Now()
	for kiosk, k := range n {
		e := r.kiosks[kiosk]
		if e == nil {
			continue
		}
		e.pending = e.pending[min(k, len(e.pending)):]
		e.base, e.readAt = written[kiosk], now
		e.st = p.fold(e.base, e.pending)
	}
	for kiosk, e := range r.kiosks {
		if len(e.pending) == 0 && now.Sub(e.readAt) > kioskForget {
			delete(r.kiosks, kiosk)
		}
	}
}

// forget drops what this instance knows of a kiosk (after an admin
// unlocked it), so that its next query reads the database.
func (r *recorder) forget(kiosk string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if e := r.kiosks[kiosk]; e != nil {
		e.readAt = time.Time{}
	}
}

// equal reports whether two states are the same.
func (st kioskState) equal(o kioskState) bool {
	eq := func(a, b *time.Time) bool { return (a == nil) == (b == nil) && (a == nil || a.Equal(*b)) }
	return st.Misses == o.Misses && st.Locks == o.Locks && eq(st.LastMissAt, o.LastMissAt) && eq(st.NextAt, o.NextAt) && eq(st.LockedUntil, o.LockedUntil)
}
