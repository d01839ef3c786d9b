package display

import (
	"time"

	"github.com/hallcast/hallcast/calendar"
)

// moment is an instant seen in the hall's local time.
type moment struct {
	t        time.Time // in the hall's zone
	day      calendar.Date
	minute   Minute
	midnight time.Time
}

func (sn *Snapshot) moment(at time.Time) moment {
	t := at.In(sn.loc)
	d := calendar.DateOf(t)
	return moment{t: t, day: d, minute: minuteOf(t), midnight: d.In(sn.loc)}
}

// nextMidnight is the start of the next day.
func (m moment) nextMidnight() time.Time { return m.day.AddDays(1).In(m.t.Location()) }

// targets reports whether a row for group (nil: all screens) applies to a
// screen in groups.
func targets(group *int64, groups []int64) bool { return group == nil || containsID(groups, *group) }

// onDay reports whether a schedule applies on day d (weekday and dates).
func (sc *Schedule) onDay(d calendar.Date) bool {
	if !sc.Weekdays.Has(d.Weekday()) {
		return false
	}
	ds := d.String()
	return (sc.StartDate == nil || *sc.StartDate <= ds) && (sc.EndDate == nil || ds <= *sc.EndDate)
}

// better reports whether sc beats b: higher priority, then a group's
// schedule over an all-screens one, then the newest.
func (sc *Schedule) better(b *Schedule) bool {
	if sc.Priority != b.Priority {
		return sc.Priority > b.Priority
	}
	if (sc.GroupID != nil) != (b.GroupID != nil) {
		return sc.GroupID != nil
	}
	return sc.ID > b.ID
}

// schedule returns the schedule that wins for a screen in groups at m, or
// nil, and the next instant at which any of its schedules starts or ends
// (at most the next midnight).
func (sn *Snapshot) schedule(groups []int64, m moment) (*Schedule, time.Time) {
	var best *Schedule
	next := m.nextMidnight()
	for i := range sn.schedules {
		sc := &sn.schedules[i]
		if !targets(sc.GroupID, groups) || !sc.onDay(m.day) {
			continue
		}
		for _, b := range []Minute{sc.Start, sc.End} {
			if at := b.at(m.midnight); at.After(m.t) && at.Before(next) {
				next = at
			}
		}
		if sc.Start <= m.minute && m.minute < sc.End && (best == nil || sc.better(best)) {
			best = sc
		}
	}
	return best, next
}

// PowerState is the "power" of a playlist frame and of a "power" frame.
type PowerState struct {
	State   string     `json:"state"` // on or standby
	Standby Standby    `json:"standby"`
	Until   *time.Time `json:"until"`
}

// powerAt says whether a screen in groups is on at m, how it stands by,
// and the next instant at which a power boundary passes (zero when no
// power schedule applies).
func (sn *Snapshot) powerAt(groups []int64, m moment) (on bool, standby Standby, next time.Time, scheduled bool) {
	standby = StandbyBlack
	var owner *PowerSchedule
	for i := range sn.powers {
		p := &sn.powers[i]
		if !targets(p.GroupID, groups) {
			continue
		}
		if !scheduled {
			next = m.nextMidnight()
		}
		scheduled = true
		if owner == nil || (p.GroupID != nil && owner.GroupID == nil) {
			owner = p // newest first: the newest, a group's before all screens'
		}
		if !p.Weekdays.Has(m.day.Weekday()) {
			continue
		}
		for _, b := range []Minute{p.On, p.Off} {
			if at := b.at(m.midnight); at.After(m.t) && at.Before(next) {
				next = at
			}
		}
		if p.On <= m.minute && m.minute < p.Off {
			on = true
		}
	}
	if !scheduled {
		return true, StandbyBlack, time.Time{}, false
	}
	return on, owner.Standby, next, true
}

// power returns the power state at, with Until the next instant the state
// changes (looking up to eight days ahead), and the next power boundary.
func (sn *Snapshot) power(groups []int64, at time.Time) (PowerState, time.Time) {
	on, standby, next, scheduled := sn.powerAt(groups, sn.moment(at))
	ps := PowerState{State: "on", Standby: standby}
	if !on {
		ps.State = "standby"
	}
	if !scheduled {
		return ps, time.Time{}
	}
	for t, i := next, 0; i < 8*6 && !t.IsZero(); i++ {
		o, _, n, _ := sn.powerAt(groups, sn.moment(t))
		if o != on {
			u := t.UTC()
			ps.Until = &u
			break
		}
		t = n
	}
	return ps, next
}
