package server

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/emergency"
	"github.com/hallcast/hallcast/store"
)

// openEmergency builds the emergency broadcaster: it hooks the hub (acks,
// connecting devices), follows the change bus and starts the expiry
// timers of the active emergencies.
func (a *App) openEmergency(ctx context.Context) error {
	dir := &emergencyDirectory{a: a,
		load:    func(ctx context.Context) ([]display.ScreenRef, error) { return a.Display.ScreensIn(ctx, nil, true) },
		version: a.Display.DirectoryVersion,
		log:     a.Log, quiet: time.Second, poll: 2 * time.Second,
	}
	sub := a.DB.Bus().Subscribe(display.Topic, device.Topic, store.TopicResync)
	followed := make(chan struct{})
	loadCtx, stopLoading := context.WithCancel(context.WithoutCancel(ctx))
	go func() {
		defer close(followed)
		dir.follow(loadCtx, sub.C)
	}()
	stopFollowing := func() {
		sub.Close()
		stopLoading()
		<-followed
	}
	a.Emergencies = emergency.New(emergency.Options{
		DB: a.DB, Hub: a.Hub, Directory: dir, Clock: a.Clock, Logger: a.Log, Policy: a.maskingPolicy, Presence: a.presence,
	})
	if err := a.Emergencies.Start(ctx); err != nil {
		stopFollowing()
		return err
	}
	a.OnStop(func(ctx context.Context) {
		stopFollowing()
		a.Emergencies.Close(ctx)
	})
	return nil
}

// presence tells which devices are online for the emergency receipts: a
// device connected to this instance, or a screen that another instance
// reports online through the screen status rows (a screen connected to
// another instance is unconfirmed, not offline).
func (a *App) presence(ctx context.Context, ids []int64) map[int64]bool {
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		if a.Hub.Connected(id) != nil {
			out[id] = true
		}
	}
	if a.ScreenStatus == nil {
		return out
	}
	online, err := a.ScreenStatus.Online(ctx, ids)
	if err != nil {
		a.Log.Warn("emergency: screens online on other instances", "err", err)
		return out
	}
	for id := range online {
		out[id] = true
	}
	return out
}

// emergencyDirectory finds the targets of an emergency: screens through
// the screens domain, kiosks through the device list. The screen list is
// kept in memory (tens of thousands of screens take a while to load, and
// an emergency must go out at once), tagged with the directory version it
// was loaded at (display.DirectoryVersion, bumped by database triggers in
// the transaction of every change, whoever makes it). Each emergency
// reads the version first, one indexed row, and loads the list itself
// when it moved: it never targets a stale list, even after a change made
// by another process (`hallcast device add` on the same SQLite file) or
// another instance. So that the list is usually ready, it is loaded at
// start, again once change events stop for a moment (quiet), and
// whenever a check every poll finds the version moved (changes that
// came without an event).
type emergencyDirectory struct {
	a       *App
	load    func(ctx context.Context) ([]display.ScreenRef, error)
	version func(ctx context.Context) (int64, error)
	log     *slog.Logger
	quiet   time.Duration
	poll    time.Duration

	mu     sync.Mutex
	loaded bool
	at     int64 // the version the list was loaded at
	all    []display.ScreenRef
}

// follow loads the list at start, after each run of change events and
// when the version moved without one, until events is closed; ctx ends a
// load under way at shutdown.
func (d *emergencyDirectory) follow(ctx context.Context, events <-chan store.Event) {
	warm := time.NewTimer(0)
	defer warm.Stop()
	poll := time.NewTicker(d.poll)
	defer poll.Stop()
	for {
		select {
		case _, ok := <-events:
			if !ok {
				return
			}
			warm.Reset(d.quiet)
			continue
		case <-warm.C:
		case <-poll.C:
		}
		if _, err := d.screens(ctx); err != nil && ctx.Err() == nil {
			d.log.Warn("emergency: loading the screen list ahead", "err", err)
		}
	}
}

// screens returns the current screen list, loading it when the directory
// version moved since it was last loaded.
func (d *emergencyDirectory) screens(ctx context.Context) ([]display.ScreenRef, error) {
	v, err := d.version(ctx)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	refs, fresh := d.all, d.loaded && d.at == v
	d.mu.Unlock()
	if fresh {
		return refs, nil
	}
	// Read after v: the list is at least as new as v.
	if refs, err = d.load(ctx); err != nil {
		return nil, err
	}
	d.mu.Lock()
	if !d.loaded || v >= d.at {
		d.all, d.at, d.loaded = refs, v, true
	}
	d.mu.Unlock()
	return refs, nil
}

func (d *emergencyDirectory) Screens(ctx context.Context, groups []int64, all bool) ([]emergency.Target, error) {
	refs, err := d.screens(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]emergency.Target, 0, len(refs))
	for _, r := range refs {
		if all || slices.ContainsFunc(r.Groups, func(g int64) bool { return slices.Contains(groups, g) }) {
			out = append(out, emergency.Target{DeviceID: r.DeviceID, Name: r.Name, Kind: string(device.KindScreen)})
		}
	}
	return out, nil
}

// Exists checks group IDs against the screens domain (not the cache: a
// group may have been created a moment ago on another instance).
func (d *emergencyDirectory) Exists(ctx context.Context, groups []int64) error {
	return d.a.Display.Exists(ctx, groups)
}

func (d *emergencyDirectory) Kiosks(ctx context.Context) ([]emergency.Target, error) {
	list, err := d.a.Devices.List(ctx, device.KindKiosk, false)
	if err != nil {
		return nil, err
	}
	out := make([]emergency.Target, 0, len(list))
	for _, k := range list {
		if k.Active() {
			out = append(out, emergency.Target{DeviceID: k.ID, Name: k.Name, Kind: string(device.KindKiosk)})
		}
	}
	return out, nil
}
