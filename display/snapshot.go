package display

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/privacy"
)

// Snapshot is everything resolution needs, read once: resolving many
// screens at many instants from one snapshot costs no further queries.
// Its notices carry their stored public text (R6), the same text kiosks
// and the search index show: the snapshot does not mask them again.
type Snapshot struct {
	loc       *time.Location
	screens   map[int64]*Screen
	playlists map[int64]*Playlist
	schedules []Schedule
	powers    []PowerSchedule
	notices   []notice.PublicNotice
	cal       *calendar.Calendar
	// subtree maps a category to itself and its descendants.
	subtree map[int64][]int64
	stats   map[string]any
	// mask masks the text of ticker items, which are typed into a
	// playlist and never reviewed.
	mask func(string) string
	// gen is the push handler's change generation when it was read: a
	// screen already served from a newer snapshot is not sent older data.
	gen      uint64
	loadedAt time.Time
}

// StatsRefresh is how often the figures of a stats widget are read again.
const StatsRefresh = 5 * time.Minute

// Snapshot reads the current screens, playlists, schedules and notices.
func (s *Service) Snapshot(ctx context.Context) (*Snapshot, error) {
	sn := &Snapshot{loc: s.loc, screens: map[int64]*Screen{}, playlists: map[int64]*Playlist{}, stats: map[string]any{},
		loadedAt: s.clock.Now()}
	screens, err := s.Screens(ctx, false)
	if err != nil {
		return nil, err
	}
	for i := range screens {
		sn.screens[screens[i].DeviceID] = &screens[i]
	}
	pls, err := s.Playlists(ctx)
	if err != nil {
		return nil, err
	}
	for i := range pls {
		sn.playlists[pls[i].ID] = &pls[i]
	}
	if sn.schedules, err = s.Schedules(ctx); err != nil {
		return nil, err
	}
	if sn.powers, err = s.PowerSchedules(ctx); err != nil {
		return nil, err
	}
	policy := privacy.DefaultPolicy()
	if s.opts.Policy != nil {
		if policy, err = s.opts.Policy(ctx); err != nil {
			return nil, wrap("read the masking policy", err)
		}
	}
	sn.mask = func(t string) string { m, _ := policy.MaskText(t); return m }
	if s.opts.Notices != nil {
		if sn.notices, err = s.opts.Notices.Published(ctx, notice.PublicFilter{Limit: 1000}); err != nil {
			return nil, wrap("read notices", err)
		}
	}
	if s.opts.Calendar != nil {
		if sn.cal, err = s.opts.Calendar.Calendar(ctx); err != nil {
			return nil, wrap("read the calendar", err)
		}
	}
	cats, err := catalogue.All(ctx, s.db)
	if err != nil {
		return nil, wrap("read categories", err)
	}
	sn.subtree = subtrees(cats)
	if s.opts.Stats != nil {
		st, err := s.opts.Stats.HallStats(ctx)
		if err != nil {
			s.log.Warn("display: hall statistics", "err", err)
		} else if st != nil {
			sn.stats = st
		}
	}
	return sn, nil
}

// Screen returns a screen of the snapshot, or nil.
func (sn *Snapshot) Screen(deviceID int64) *Screen { return sn.screens[deviceID] }

// subtrees maps each category to itself and all its descendants.
func subtrees(cats []catalogue.Category) map[int64][]int64 {
	children := map[int64][]int64{}
	for _, c := range cats {
		if c.ParentID != nil {
			children[*c.ParentID] = append(children[*c.ParentID], c.ID)
		}
	}
	out := map[int64][]int64{}
	for _, c := range cats {
		stack := []int64{c.ID}
		for len(stack) > 0 {
			id := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			out[c.ID] = append(out[c.ID], id)
			stack = append(stack, children[id]...)
		}
	}
	return out
}
