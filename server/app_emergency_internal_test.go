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
// change events stop or the directory version moves, so an emergency
// finds it ready; one sent right after a change, with or without an
// event, loads it itself and never targets the old list.
func TestEmergencyDirectoryIsLoadedAhead(t *testing.T) {
	var mu sync.Mutex
	loads, name, version := 0, "一号屏", int64(1)
	d := &emergencyDirectory{
		load: func(context.Context) ([]display.ScreenRef, error) {
			mu.Lock()
			defer mu.Unlock()
			loads++
			return []display.ScreenRef{{DeviceID: 1, Name: name}}, nil
		},
		version: func(context.Context) (int64, error) { mu.Lock(); defer mu.Unlock(); return version, nil },
		log:     slog.New(slog.DiscardHandler), quiet: 20 * time.Millisecond, poll: time.Hour,
	}
	count := func() int { mu.Lock(); defer mu.Unlock(); return loads }
	change := func(n string) { mu.Lock(); defer mu.Unlock(); name = n; version++ }
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

	// A change without an event (another process): the next emergency sees it.
	change("一号屏（另一进程改名）")
	ts, err = d.Screens(context.Background(), nil, true)
	if err != nil || len(ts) != 1 || ts[0].Name != "一号屏（另一进程改名）" || count() != 2 {
		t.Fatalf("after a change without an event: %+v, %v, %d loads (want the new list)", ts, err, count())
	}

	// A change with an event: loaded again once the events stop.
	change("一号屏（改名）")
	events <- store.Event{Topic: display.Topic}
	until("the reload once the events stop", func() bool {
		d.mu.Lock()
		defer d.mu.Unlock()
		return d.at == 3
	})
	n := count()
	ts, err = d.Screens(context.Background(), nil, true)
	if err != nil || len(ts) != 1 || ts[0].Name != "一号屏（改名）" || count() != n {
		t.Fatalf("a fresh list was loaded again: %d loads, then %d, %+v %v", n, count(), ts, err)
	}

	// Without any event, the poll notices the version moved and loads ahead.
	d2 := &emergencyDirectory{load: d.load, version: d.version, log: d.log, quiet: time.Hour, poll: 10 * time.Millisecond}
	events2 := make(chan store.Event)
	done2 := make(chan struct{})
	go func() { d2.follow(context.Background(), events2); close(done2) }()
	defer func() { close(events2); <-done2 }()
	until("the second directory's first load", func() bool { d2.mu.Lock(); defer d2.mu.Unlock(); return d2.loaded })
	change("一号屏（第三次）")
	until("the poll to load the moved version", func() bool { d2.mu.Lock(); defer d2.mu.Unlock(); return d2.at == 4 })
}
