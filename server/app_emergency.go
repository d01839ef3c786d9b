package server

import (
	"context"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/emergency"
)

// openEmergency builds the emergency broadcaster: it hooks the hub (acks,
// connecting devices), follows the change bus and starts the expiry
// timers of the active emergencies.
func (a *App) openEmergency(ctx context.Context) error {
	a.Emergencies = emergency.New(emergency.Options{
		DB: a.DB, Hub: a.Hub, Directory: emergencyDirectory{a}, Clock: a.Clock, Logger: a.Log,
	})
	if err := a.Emergencies.Start(ctx); err != nil {
		return err
	}
	a.OnStop(a.Emergencies.Close)
	return nil
}

// emergencyDirectory finds the targets of an emergency: screens through
// the screens domain, kiosks through the device list.
type emergencyDirectory struct{ a *App }

func (d emergencyDirectory) Screens(ctx context.Context, groups []int64, all bool) ([]emergency.Target, error) {
	refs, err := d.a.Display.ScreensIn(ctx, groups, all)
	if err != nil {
		return nil, err
	}
	out := make([]emergency.Target, len(refs))
	for i, r := range refs {
		out[i] = emergency.Target{DeviceID: r.DeviceID, Name: r.Name, Kind: string(device.KindScreen)}
	}
	return out, nil
}

func (d emergencyDirectory) Kiosks(ctx context.Context) ([]emergency.Target, error) {
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
