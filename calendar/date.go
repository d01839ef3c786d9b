package calendar

import (
	"cmp"
	"fmt"
	"time"
)

// DateLayout is the only textual form of a Date, in time.Parse notation.
const DateLayout = "2006-01-02"

// Date is a civil date with no time of day and no time zone. The zero Date
// is not valid. Dates compare with == and serve as map keys.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate parses "YYYY-MM-DD" (DateLayout) strictly: two-digit month and
// day, and a day that exists.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("calendar: %q is not a date (want YYYY-MM-DD)", s)
	}
	return DateOf(t), nil
}

// DateOf returns the date of t in t's own location. To get "today" in a
// hall, pass the current time in the hall's zone (Asia/Shanghai).
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// In returns the midnight that starts d in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// utc is d at midnight UTC, the form used for arithmetic.
func (d Date) utc() time.Time {
	return d.In(time.UTC)
}

// Valid reports whether d exists in the proleptic Gregorian calendar with a
// year from 1 to 9999.
func (d Date) Valid() bool {
	return d.Year >= 1 && d.Year <= 9999 && DateOf(d.utc()) == d
}

// String formats d as "YYYY-MM-DD".
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	return d.utc().Weekday()
}

// AddDays returns the date n calendar days after d (before, if n < 0).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 0, 0, 0, 0, time.UTC))
}

// DaysUntil returns the number of calendar days from d to e: 1 if e is the
// day after d, negative if e is before d.
func (d Date) DaysUntil(e Date) int {
	return int((e.utc().Unix() - d.utc().Unix()) / 86400)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	return cmp.Or(cmp.Compare(d.Year, e.Year), cmp.Compare(d.Month, e.Month), cmp.Compare(d.Day, e.Day))
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// MarshalText encodes d as "YYYY-MM-DD", so Date is a JSON string.
func (d Date) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("calendar: invalid date %s", d)
	}
	return []byte(d.String()), nil
}

// UnmarshalText decodes "YYYY-MM-DD" as ParseDate does.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
