package server

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/store"
)

// The emergency directory loads the screen list at start and again once
// change events stop, so an emergency finds it ready; one sent right
// after a change loads it itself and never targets the old list.
func TestEmergencyDirectoryIsLoadedAhead(t *testing.T) {
	var mu sync.Mutex
	loads, name := 0, "一号屏"
	d := &emergencyDirectory{
		load: func(context.Context) ([]display.ScreenRef, error) {
			mu.Lock()
			defer mu.Unlock()
			loads++
			return []display.ScreenRef{{DeviceID: 1, Name: name}}, nil
		},
		log: slog.New(slog.DiscardHandler), quiet: 20 * time.Millisecond,
	}
	count := func() int { mu.Lock(); defer mu.Unlock(); return loads }
	until := func(what string, cond func() bool) {
		t.Helper()
		for end := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
			if time.Now().After(end) {
				t.Fatalf("waited 5 s for %s", what)
			}
		}
	}
	events := make(chan store.Event)
	done := make(chan struct{})
	go func() { d.follow(context.Background(), events); close(done) }()
	defer func() { close(events); <-done }()

	until("the load at start", func() bool { return count() == 1 })
	ts, err := d.Screens(context.Background(), nil, true)
	if err != nil || len(ts) != 1 || ts[0].Name != "一号屏" || count() != 1 {
		t.Fatalf("after start: %+v, %v, %d loads (want the list loaded ahead, once)", ts, err, count())
	}

	mu.Lock()
	name = "一号屏（改名）"
	mu.Unlock()
	events <- store.Event{Topic: display.Topic}
	until("the change to be counted", func() bool { d.mu.Lock(); defer d.mu.Unlock(); return d.gen == 1 })
	ts, err = d.Screens(context.Background(), nil, true) // before the quiet is over
	if err != nil || len(ts) != 1 || ts[0].Name != "一号屏（改名）" {
		t.Fatalf("right after a change: %+v, %v (want the new list)", ts, err)
	}
	until("the reload once the events stop", func() bool {
		d.mu.Lock()
		defer d.mu.Unlock()
		return count() >= 2 && d.loaded == d.gen+1
	})
	n := count()
	if _, err := d.Screens(context.Background(), nil, true); err != nil || count() != n {
		t.Fatalf("a fresh list was loaded again: %d loads, then %d, %v", n, count(), err)
	}
}
