package display

import (
	"context"
	"time"
)

// PowerAt tells, for each active screen some power schedule applies to,
// whether its schedules have it on at at. Screens without a power
// schedule are not in the map (they are always on). The alerts ask it
// every minute to judge a screen offline only while it should be on.
func (s *Service) PowerAt(ctx context.Context, at time.Time) (map[int64]bool, error) {
	screens, err := s.Screens(ctx, false)
	if err != nil {
		return nil, err
	}
	sn := &Snapshot{loc: s.loc}
	if sn.powers, err = s.PowerSchedules(ctx); err != nil {
		return nil, err
	}
	out := map[int64]bool{}
	m := sn.moment(at)
	for i := range screens {
		if on, _, _, scheduled := sn.powerAt(screens[i].GroupIDs(), m); scheduled {
			out[screens[i].DeviceID] = on
		}
	}
	return out, nil
}
