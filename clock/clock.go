// Package clock lets code ask for the time, and wait for it, through an
// interface, so tests can set it.
package clock

import (
	"sort"
	"sync"
	"time"
)

// Clock tells the current time and waits.
type Clock interface {
	Now() time.Time
	// After sends the time on the returned channel once d has passed.
	After(d time.Duration) <-chan time.Time
}

// System is the real clock.
type System struct{}

// Now returns time.Now().
func (System) Now() time.Time { return time.Now() }

// After is time.After.
func (System) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Fake is a clock that moves only when told to. Waiters registered with
// After fire when Set or Advance reach their time. It is safe for
// concurrent use.
type Fake struct {
	mu      sync.Mutex
	t       time.Time
	waiters []waiter
}

type waiter struct {
	at time.Time
	ch chan time.Time
}

// NewFake returns a fake clock set to t.
func NewFake(t time.Time) *Fake { return &Fake{t: t} }

// Now returns the fake time.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

// After returns a channel that receives the fake time once the clock has
// been moved at least d forward.
func (f *Fake) After(d time.Duration) <-chan time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	ch := make(chan time.Time, 1)
	if d <= 0 {
		ch <- f.t
		return ch
	}
	f.waiters = append(f.waiters, waiter{at: f.t.Add(d), ch: ch})
	return ch
}

// Waiters reports how many After calls are still waiting (tests use it to
// know that a goroutine has started waiting before moving the clock).
func (f *Fake) Waiters() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.waiters)
}

// Set moves the clock to t and fires the waiters that are due, earliest
// first.
func (f *Fake) Set(t time.Time) {
	f.mu.Lock()
	f.t = t
	sort.Slice(f.waiters, func(i, j int) bool { return f.waiters[i].at.Before(f.waiters[j].at) })
	keep := f.waiters[:0]
	var due []waiter
	for _, w := range f.waiters {
		if !w.at.After(t) {
			due = append(due, w)
		} else {
			keep = append(keep, w)
		}
	}
	f.waiters = keep
	f.mu.Unlock()
	for _, w := range due {
		w.ch <- t
	}
}

// Until returns a channel that receives the fake time once the clock has
// been moved to t or past it (at once if it already is).
func (f *Fake) Until(t time.Time) <-chan time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	ch := make(chan time.Time, 1)
	if !t.After(f.t) {
		ch <- f.t
		return ch
	}
	f.waiters = append(f.waiters, waiter{at: t, ch: ch})
	return ch
}

// Until returns a channel that receives the time once c reaches t. Wait
// for an instant with it rather than with c.After(t.Sub(c.Now())): a clock
// that moves between the two calls (a test's Fake) would otherwise fire
// late by as much as it moved.
func Until(c Clock, t time.Time) <-chan time.Time {
	if u, ok := c.(interface {
		Until(time.Time) <-chan time.Time
	}); ok {
		return u.Until(t)
	}
	return c.After(t.Sub(c.Now()))
}

// Advance moves the clock forward by d.
func (f *Fake) Advance(d time.Duration) {
	f.Set(f.Now().Add(d))
}
