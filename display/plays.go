package display

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// Playlist returns the "playlist" frame of a screen at an instant.
func (s *Service) Playlist(ctx context.Context, deviceID int64, at time.Time) (*Frame, error) {
	sn, err := s.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	sc := sn.Screen(deviceID)
	if sc == nil {
		return nil, web.NotFound("screen")
	}
	f := sn.Frame(sc.Profile, sc.GroupIDs(), at)
	return &f, nil
}

// groupProfile is the profile used to answer for a group as a whole.
var groupProfile = Presets["landscape"]

// Plays returns what a screen in group (0: a screen in no group) plays at
// at, for a landscape screen.
func (s *Service) Plays(ctx context.Context, group int64, at time.Time) (*Frame, error) {
	sn, err := s.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	f := sn.Frame(groupProfile, groupList(group), at)
	return &f, nil
}

func groupList(group int64) []int64 {
	if group == 0 {
		return nil
	}
	return []int64{group}
}

// Segment is a stretch of a day during which one schedule and one power
// state hold.
type Segment struct {
	Start      Minute      `json:"start"`
	End        Minute      `json:"end"`
	Playlist   PlaylistRef `json:"playlist"`
	Priority   int         `json:"priority"`
	GroupOnly  bool        `json:"group_only"` // the schedule targets the group, not all screens
	Power      string      `json:"power"`
	Standby    Standby     `json:"standby"`
	Items      int         `json:"items"`
	StartsAt   time.Time   `json:"starts_at"`
	EndsAt     time.Time   `json:"ends_at"`
	scheduleID int64
}

// Timeline is what a group plays over one day.
type Timeline struct {
	Date     string    `json:"date"`
	Group    int64     `json:"group"`
	Segments []Segment `json:"segments"`
}

// Timeline returns the segments of day for a screen in group (0: a screen
// in no group).
func (s *Service) Timeline(ctx context.Context, group int64, day calendar.Date) (*Timeline, error) {
	if group != 0 {
		if _, err := s.Group(ctx, s.db, group); err != nil {
			return nil, err
		}
	}
	sn, err := s.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	return sn.Timeline(group, day), nil
}

// Timeline walks day from midnight to midnight, boundary to boundary.
func (sn *Snapshot) Timeline(group int64, day calendar.Date) *Timeline {
	groups := groupList(group)
	tl := &Timeline{Date: day.String(), Group: group, Segments: []Segment{}}
	start := day.In(sn.loc)
	end := day.AddDays(1).In(sn.loc)
	for t := start; t.Before(end); {
		m := sn.moment(t)
		sc, next := sn.schedule(groups, m)
		on, standby, pnext, scheduled := sn.powerAt(groups, m)
		if scheduled && pnext.Before(next) {
			next = pnext
		}
		if next.After(end) {
			next = end
		}
		seg := Segment{Playlist: PlaylistRef{Name: DefaultName}, Power: "on", StartsAt: t.UTC(), EndsAt: next.UTC()}
		if !on {
			seg.Power, seg.Standby = "standby", standby
		}
		if sc != nil {
			if pl := sn.playlists[sc.PlaylistID]; pl != nil {
				seg.Playlist = PlaylistRef{ID: pl.ID, Name: pl.Name, ScheduleID: sc.ID}
				seg.Priority, seg.GroupOnly, seg.scheduleID = sc.Priority, sc.GroupID != nil, sc.ID
			}
		}
		seg.Items = len(sn.Frame(groupProfile, groups, t).Items)
		seg.Start = Minute(t.Sub(start) / time.Minute)
		seg.End = Minute(next.Sub(start) / time.Minute)
		if n := len(tl.Segments); n > 0 && sameSegment(tl.Segments[n-1], seg) {
			tl.Segments[n-1].End, tl.Segments[n-1].EndsAt = seg.End, seg.EndsAt
		} else {
			tl.Segments = append(tl.Segments, seg)
		}
		t = next
	}
	return tl
}

func sameSegment(a, b Segment) bool {
	return a.scheduleID == b.scheduleID && a.Playlist == b.Playlist && a.Power == b.Power && a.Standby == b.Standby && a.Items == b.Items
}
