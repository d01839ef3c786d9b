package display

import (
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// ScheduleInput is what an admin sets on a schedule. Times are "HH:MM"
// (End may be "24:00"), weekdays ISO numbers (1 = Monday … 7 = Sunday),
// dates "YYYY-MM-DD" (both included).
type ScheduleInput struct {
	PlaylistID int64   `json:"playlist_id"`
	GroupID    *int64  `json:"group_id"`
	Weekdays   []int   `json:"weekdays"`
	Start      string  `json:"start"`
	End        string  `json:"end"`
	StartDate  *string `json:"start_date"`
	EndDate    *string `json:"end_date"`
	Priority   int     `json:"priority"`
}

// PowerInput is what an admin sets on a power schedule.
type PowerInput struct {
	GroupID  *int64 `json:"group_id"`
	Weekdays []int  `json:"weekdays"`
	On       string `json:"on"`
	Off      string `json:"off"`
	Standby  string `json:"standby"`
}

// checkWeekdays turns ISO day numbers into a set.
func checkWeekdays(c *web.Check, days []int) Weekdays {
	var w Weekdays
	c.That(len(days) > 0, "weekdays", web.CodeRequired, "choose at least one day")
	for _, d := range days {
		if d < 1 || d > 7 {
			c.Add(web.Invalid("weekdays", web.CodeInvalid, "day %d is not 1 (Monday) to 7 (Sunday)", d))
			continue
		}
		w |= 1 << uint(d%7)
	}
	return w
}

// checkRange parses a time-of-day range: from before to.
func checkRange(c *web.Check, fromField, from, toField, to string) (Minute, Minute) {
	a, err := ParseMinute(from)
	if err != nil {
		c.Add(web.Invalid(fromField, web.CodeInvalid, "%v", err))
	}
	b, err2 := ParseMinute(to)
	if err2 != nil {
		c.Add(web.Invalid(toField, web.CodeInvalid, "%v", err2))
	}
	if err == nil && err2 == nil && a >= b {
		c.Add(web.Invalid(toField, web.CodeInvalid, "%s must be after %s (split a range over midnight in two)", toField, fromField))
	}
	return a, b
}

func checkDate(c *web.Check, field string, v *string) *string {
	if v == nil || *v == "" {
		return nil
	}
	d, err := calendar.ParseDate(*v)
	if err != nil {
		c.Add(web.Invalid(field, web.CodeInvalid, "want YYYY-MM-DD"))
		return v
	}
	s := d.String()
	return &s
}

func (in *ScheduleInput) check() (Schedule, error) {
	var c web.Check
	c.That(in.PlaylistID > 0, "playlist_id", web.CodeRequired, "choose a playlist")
	c.That(in.GroupID == nil || *in.GroupID > 0, "group_id", web.CodeInvalid, "want a group, or null for all screens")
	sc := Schedule{PlaylistID: in.PlaylistID, GroupID: in.GroupID, Weekdays: checkWeekdays(&c, in.Weekdays), Priority: in.Priority}
	sc.Start, sc.End = checkRange(&c, "start", in.Start, "end", in.End)
	sc.StartDate = checkDate(&c, "start_date", in.StartDate)
	sc.EndDate = checkDate(&c, "end_date", in.EndDate)
	if sc.StartDate != nil && sc.EndDate != nil && *sc.EndDate < *sc.StartDate {
		c.Add(web.Invalid("end_date", web.CodeInvalid, "the end date is before the start date"))
	}
	c.Range("priority", in.Priority, -1000, 1000)
	return sc, c.Err()
}

func (in *PowerInput) check() (PowerSchedule, error) {
	var c web.Check
	c.That(in.GroupID == nil || *in.GroupID > 0, "group_id", web.CodeInvalid, "want a group, or null for all screens")
	p := PowerSchedule{GroupID: in.GroupID, Weekdays: checkWeekdays(&c, in.Weekdays), Standby: Standby(in.Standby)}
	p.On, p.Off = checkRange(&c, "on", in.On, "off", in.Off)
	c.OneOf("standby", in.Standby, string(StandbyBlack), string(StandbyDimClock))
	return p, c.Err()
}
