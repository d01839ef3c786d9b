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
		load: func(ctx context.Context) ([]display.ScreenRef, error) { return a.Display.ScreensIn(ctx, nil, true) },
		log:  a.Log, quiet: time.Second,
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
// an emergency must go out at once): it is loaded at start and again
// once change events stop for a moment (quiet), so that the next
// emergency finds it ready. An emergency sent while a change has not been
// reloaded yet loads the list itself: it never targets a stale list.
type emergencyDirectory struct {
	a     *App
	load  func(ctx context.Context) ([]display.ScreenRef, error)
	log   *slog.Logger
	quiet time.Duration

	mu     sync.Mutex
	gen    uint64 // bumped by every change event
	loaded uint64 // the gen the cache was loaded at, plus one
	all    []display.ScreenRef
}

// follow counts the change events and reloads the list at start and
// after each run of them, until events is closed; ctx ends a load under
// way at shutdown.
func (d *emergencyDirectory) follow(ctx context.Context, events <-chan store.Event) {
	warm := time.NewTimer(0)
	defer warm.Stop()
	for {
		select {
		case _, ok := <-events:
			if !ok {
				return
			}
			d.mu.Lock()
			d.gen++
			d.mu.Unlock()
			warm.Reset(d.quiet)
		case <-warm.C:
			if _, err := d.screens(ctx); err != nil && ctx.Err() == nil {
				d.log.Warn("emergency: loading the screen list ahead", "err", err)
			}
		}
	}
}

// screens returns the current screen list, loading it when a change came
// since it was last loaded.
func (d *emergencyDirectory) screens(ctx context.Context) ([]display.ScreenRef, error) {
	d.mu.Lock()
	refs, gen, fresh := d.all, d.gen, d.loaded == d.gen+1
	d.mu.Unlock()
	if fresh {
		return refs, nil
	}
	refs, err := d.load(ctx)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	if d.gen == gen {
		d.all, d.loaded = refs, gen+1
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
