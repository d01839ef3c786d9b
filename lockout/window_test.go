package lockout

import (
	"testing"
	"time"
)

// Misses count in a sliding window: a miss is forgotten a window (and at
// most one part of it) after it happened, never earlier; the lock starts
// the count again; the kiosk rule slows before it locks.
func TestWindowCountsSlowsAndLocks(t *testing.T) {
	r := Rule{LockAfter: 5, Window: time.Hour, LockFor: 15 * time.Minute, SlowAfter: 3, SlowStep: 5 * time.Second, SlowMax: 12 * time.Second}
	t0 := time.Date(2026, 11, 23, 9, 0, 30, 0, time.UTC)
	var st State
	st = r.Miss(st, t0)
	st = r.Miss(st, t0.Add(10*time.Minute))
	if n := st.Count(r, t0.Add(59*time.Minute)); n != 2 {
		t.Fatalf("within the hour: %d misses", n)
	}
	if n := st.Count(r, t0.Add(61*time.Minute)); n != 1 && n != 2 {
		t.Fatalf("just past the hour: %d misses", n)
	}
	if n := st.Count(r, t0.Add(62*time.Minute)); n != 1 {
		t.Fatalf("two minutes past the hour: %d misses, want the first forgotten", n)
	}
	if n := st.Count(r, t0.Add(72*time.Minute)); n != 0 {
		t.Fatalf("after both expired: %d", n)
	}
	if reason, _ := st.Refused(t0.Add(10 * time.Minute)); reason != "" {
		t.Fatalf("two misses refuse: %s", reason)
	}
	at := t0.Add(20 * time.Minute)
	st = r.Miss(st, at) // third: slowed 5 s
	if reason, wait := st.Refused(at); reason != Slowed || wait != 5*time.Second || st.Left(r, at) != 2 {
		t.Fatalf("third miss: %s %v, left %d", reason, wait, st.Left(r, at))
	}
	st = r.Miss(st, at.Add(5*time.Second)) // fourth: 10 s
	if _, wait := st.Refused(at.Add(5 * time.Second)); wait != 10*time.Second {
		t.Fatalf("fourth miss waits %v", wait)
	}
	at = at.Add(15 * time.Second)
	st = r.Miss(st, at) // fifth: locked, the count starts again
	if reason, wait := st.Refused(at); reason != Locked || wait != 15*time.Minute || st.Locks != 1 || st.Left(r, at) != 0 {
		t.Fatalf("fifth miss: %s %v locks %d", reason, wait, st.Locks)
	}
	if st.Count(r, at) != 0 || st.Left(r, at.Add(15*time.Minute)) != 5 {
		t.Fatalf("after the lock: %d misses, %d left", st.Count(r, at), st.Left(r, at.Add(15*time.Minute)))
	}
	back, err := decodeMisses(encodeMisses([]Slot{{Start: 1764000000, N: 3}, {Start: 1764000060, N: 1}}))
	if err != nil || len(back) != 2 || back[1] != (Slot{Start: 1764000060, N: 1}) {
		t.Fatalf("round trip: %+v %v", back, err)
	}
	// Misses from another instance's clock, slightly behind, stay in order.
	st = State{}
	st = r.Miss(st, t0.Add(3*time.Minute))
	st = r.Miss(st, t0.Add(time.Minute))
	if len(st.Misses) != 2 || st.Misses[0].Start > st.Misses[1].Start || !st.LastMissAt.Equal(t0.Add(3*time.Minute)) {
		t.Fatalf("out of order: %+v", st)
	}
}
