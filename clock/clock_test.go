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
