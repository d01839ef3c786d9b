package lockout

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// slots is how many parts a window is cut into: a miss is forgotten
// between Window and Window plus one part after it happened.
const slots = 60

// State is one scope's misses in the window and its lock.
type State struct {
	Misses      []Slot
	LastMissAt  *time.Time
	NextAt      *time.Time
	LockedUntil *time.Time
	Locks       int
}

// Slot counts the misses of one part of the window, from Start (Unix
// seconds).
type Slot struct {
	Start int64
	N     int
}

// slotLen is the length of a window's parts, whole seconds.
func (r Rule) slotLen() int64 { return max(1, int64(r.Window/time.Second)/slots) }

// Count is the number of misses in the window at now.
func (st State) Count(r Rule, now time.Time) int {
	n, from := 0, r.from(now)
	for _, s := range st.Misses {
		if s.Start >= from {
			n += s.N
		}
	}
	return n
}

// from is the start of the oldest part still in the window at now.
func (r Rule) from(now time.Time) int64 {
	l := r.slotLen()
	return (now.Add(-r.Window).Unix() / l) * l
}

// Miss is the state once a lookup in scope missed at now.
func (r Rule) Miss(st State, now time.Time) State {
	l, from := r.slotLen(), r.from(now)
	start := (now.Unix() / l) * l
	kept := make([]Slot, 0, len(st.Misses)+1)
	added := false
	for _, s := range st.Misses {
		if s.Start < from {
			continue
		}
		if !added && s.Start > start {
			kept = append(kept, Slot{Start: start, N: 1})
			added = true
		}
		if s.Start == start {
			s.N++
			added = true
		}
		kept = append(kept, s)
	}
	if !added {
		kept = append(kept, Slot{Start: start, N: 1})
	}
	st.Misses = kept
	if st.LastMissAt == nil || now.After(*st.LastMissAt) {
		at := now
		st.LastMissAt = &at
	}
	st.NextAt = nil
	n := st.Count(r, now)
	switch {
	case r.LockAfter > 0 && n >= r.LockAfter:
		until := now.Add(r.LockFor)
		st.LockedUntil, st.Misses = &until, nil
		st.Locks++
	case r.SlowAfter > 0 && n >= r.SlowAfter:
		next := now.Add(min(r.SlowStep*time.Duration(n-r.SlowAfter+1), r.SlowMax))
		st.NextAt = &next
	}
	return st
}

// Left is how many more misses the scope takes before it is locked (0
// while it is locked).
func (st State) Left(r Rule, now time.Time) int {
	if st.LockedUntil != nil && st.LockedUntil.After(now) {
		return 0
	}
	return max(0, r.LockAfter-st.Count(r, now))
}

// Refused says whether a lookup in the scope must wait at now: Locked or
// Slowed with the time to wait, or "".
func (st State) Refused(now time.Time) (string, time.Duration) {
	if st.LockedUntil != nil && st.LockedUntil.After(now) {
		return Locked, st.LockedUntil.Sub(now)
	}
	if st.NextAt != nil && st.NextAt.After(now) {
		return Slowed, st.NextAt.Sub(now)
	}
	return "", 0
}

// idle reports whether the state refuses nothing and counts no miss at
// now: it is the same as no state at all.
func (st State) idle(r Rule, now time.Time) bool {
	reason, _ := st.Refused(now)
	return reason == "" && st.Count(r, now) == 0
}

// equal reports whether two states are the same.
func (st State) equal(o State) bool {
	eq := func(a, b *time.Time) bool { return (a == nil) == (b == nil) && (a == nil || a.Equal(*b)) }
	if len(st.Misses) != len(o.Misses) || st.Locks != o.Locks || !eq(st.LastMissAt, o.LastMissAt) || !eq(st.NextAt, o.NextAt) ||
		!eq(st.LockedUntil, o.LockedUntil) {
		return false
	}
	for i := range st.Misses {
		if st.Misses[i] != o.Misses[i] {
			return false
		}
	}
	return true
}

// encodeMisses writes the slots as stored: "start:n start:n".
func encodeMisses(ss []Slot) string {
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatInt(s.Start, 10))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(s.N))
	}
	return b.String()
}

// decodeMisses reads stored slots.
func decodeMisses(s string) ([]Slot, error) {
	var out []Slot
	for _, f := range strings.Fields(s) {
		a, b, ok := strings.Cut(f, ":")
		start, err1 := strconv.ParseInt(a, 10, 64)
		n, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || n < 0 {
			return nil, fmt.Errorf("lockout: damaged misses %q", f)
		}
		out = append(out, Slot{Start: start, N: n})
	}
	return out, nil
}
