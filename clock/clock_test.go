package clock_test

import (
	"testing"
	"time"

	"github.com/hallcast/hallcast/clock"
)

func TestFakeAfterFiresWhenTheClockReachesIt(t *testing.T) {
	start := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	f := clock.NewFake(start)
	a, b := f.After(time.Minute), f.After(time.Hour)
	f.Advance(59 * time.Second)
	select {
	case <-a:
		t.Fatal("fired early")
	default:
	}
	f.Advance(time.Second)
	if got := <-a; !got.Equal(start.Add(time.Minute)) {
		t.Fatalf("fired with %v", got)
	}
	select {
	case <-b:
		t.Fatal("hour waiter fired after a minute")
	default:
	}
	if f.Waiters() != 1 {
		t.Fatalf("waiters %d", f.Waiters())
	}
	if got := <-f.After(0); !got.Equal(f.Now()) {
		t.Fatal("After(0) should fire at once")
	}
}

// A wait for an instant fires when the clock reaches it, however far the
// clock moved between reading it and asking (the race of
// c.After(t.Sub(c.Now())) with a clock that moves meanwhile).
func TestUntilWaitsForTheInstant(t *testing.T) {
	start := time.Date(2025, 11, 24, 9, 0, 0, 0, time.UTC)
	f := clock.NewFake(start)
	at := start.Add(30 * time.Minute)
	f.Set(start.Add(20 * time.Minute)) // moved before the wait is armed
	ch := clock.Until(f, at)
	f.Advance(9 * time.Minute)
	select {
	case <-ch:
		t.Fatal("fired a minute early")
	default:
	}
	f.Advance(time.Minute)
	if got := <-ch; !got.Equal(at) {
		t.Fatalf("fired with %v, want %v", got, at)
	}
	select {
	case got := <-clock.Until(f, start):
		if !got.Equal(at) {
			t.Fatalf("a past instant fired with %v", got)
		}
	default:
		t.Fatal("a past instant did not fire at once")
	}
	select {
	case <-clock.Until(clock.System{}, time.Now().Add(-time.Second)):
	case <-time.After(5 * time.Second):
		t.Fatal("the system clock did not fire for a past instant")
	}
}
