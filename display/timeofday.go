package display

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Minute is a time of day in minutes after midnight, 0..1440; its JSON
// form is "HH:MM" ("24:00" ends a day).
type Minute int

// DayMinutes is the length of a day in minutes.
const DayMinutes = 24 * 60

// String is "HH:MM".
func (m Minute) String() string { return fmt.Sprintf("%02d:%02d", int(m)/60, int(m)%60) }

// MarshalJSON writes "HH:MM".
func (m Minute) MarshalJSON() ([]byte, error) { return json.Marshal(m.String()) }

// UnmarshalJSON reads "HH:MM" (00:00 to 24:00).
func (m *Minute) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("want \"HH:MM\"")
	}
	v, err := ParseMinute(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// ParseMinute parses "HH:MM" between 00:00 and 24:00.
func ParseMinute(s string) (Minute, error) {
	var h, mi int
	if len(s) != 5 || s[2] != ':' {
		return 0, fmt.Errorf("%q is not HH:MM", s)
	}
	if _, err := fmt.Sscanf(s, "%02d:%02d", &h, &mi); err != nil || h < 0 || h > 24 || mi < 0 || mi > 59 || (h == 24 && mi != 0) {
		return 0, fmt.Errorf("%q is not a time of day between 00:00 and 24:00", s)
	}
	return Minute(h*60 + mi), nil
}

// minuteOf returns the time of day of t (in t's location), in minutes.
func minuteOf(t time.Time) Minute { return Minute(t.Hour()*60 + t.Minute()) }

// at returns the instant of minute m on the day starting at midnight.
func (m Minute) at(midnight time.Time) time.Time {
	return time.Date(midnight.Year(), midnight.Month(), midnight.Day(), int(m)/60, int(m)%60, 0, 0, midnight.Location())
}

// Weekdays is a set of days of the week (bit n is time.Weekday n). Its
// JSON form is a list of ISO day numbers, 1 (Monday) to 7 (Sunday).
type Weekdays int

// AllWeek is every day.
const AllWeek Weekdays = 0x7f

// Has reports whether d is in the set.
func (w Weekdays) Has(d time.Weekday) bool { return w&(1<<uint(d)) != 0 }

// MarshalJSON writes the ISO day numbers.
func (w Weekdays) MarshalJSON() ([]byte, error) {
	out := []int{}
	for iso := 1; iso <= 7; iso++ {
		if w.Has(time.Weekday(iso % 7)) {
			out = append(out, iso)
		}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads ISO day numbers (1 = Monday … 7 = Sunday).
func (w *Weekdays) UnmarshalJSON(b []byte) error {
	var days []int
	if err := json.Unmarshal(b, &days); err != nil {
		return fmt.Errorf("want a list of day numbers 1 (Monday) to 7 (Sunday)")
	}
	var v Weekdays
	for _, d := range days {
		if d < 1 || d > 7 {
			return fmt.Errorf("day %d is not 1 (Monday) to 7 (Sunday)", d)
		}
		v |= 1 << uint(d%7)
	}
	*w = v
	return nil
}

// sortedUnique sorts ids and drops repeats.
func sortedUnique(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}
