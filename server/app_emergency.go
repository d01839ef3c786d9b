package server

import (
	"context"
	"slices"
	"sync"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/emergency"
	"github.com/hallcast/hallcast/store"
)

// openEmergency builds the emergency broadcaster: it hooks the hub (acks,
// connecting devices), follows the change bus and starts the expiry
// timers of the active emergencies.
func (a *App) openEmergency(ctx context.Context) error {
	dir := &emergencyDirectory{a: a}
	sub := a.DB.Bus().Subscribe(display.Topic, device.Topic, store.TopicResync)
	go dir.follow(sub)
	a.Emergencies = emergency.New(emergency.Options{
		DB: a.DB, Hub: a.Hub, Directory: dir, Clock: a.Clock, Logger: a.Log, Policy: a.maskingPolicy,
	})
	if err := a.Emergencies.Start(ctx); err != nil {
		sub.Close()
		return err
	}
	a.OnStop(func(ctx context.Context) {
		sub.Close()
		a.Emergencies.Close(ctx)
	})
	return nil
}

// emergencyDirectory finds the targets of an emergency: screens through
// the screens domain, kiosks through the device list. The screen list is
// kept in memory between changes (tens of thousands of screens take a
// while to load, and an emergency must go out at once); any screens or
// device event, on any instance, makes the next emergency reload it.
type emergencyDirectory struct {
	a      *App
	mu     sync.Mutex
	gen    uint64 // bumped by every change event
	loaded uint64 // the gen the cache was loaded at, plus one
	all    []display.ScreenRef
}

func (d *emergencyDirectory) follow(sub *store.Subscription) {
	for range sub.C {
		d.mu.Lock()
		d.gen++
		d.mu.Unlock()
	}
}

func (d *emergencyDirectory) Screens(ctx context.Context, groups []int64, all bool) ([]emergency.Target, error) {
	d.mu.Lock()
	refs, gen, fresh := d.all, d.gen, d.loaded == d.gen+1
	d.mu.Unlock()
	if !fresh {
		var err error
		if refs, err = d.a.Display.ScreensIn(ctx, nil, true); err != nil {
			return nil, err
		}
		d.mu.Lock()
		if d.gen == gen {
			d.all, d.loaded = refs, gen+1
		}
		d.mu.Unlock()
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
