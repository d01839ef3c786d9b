package calendar

import (
	"fmt"
	"slices"
	"time"
)

// Calendar answers whether a date is a working day, from the holiday lists
// of the years it covers. Build it with New; it is immutable and safe for
// concurrent use.
type Calendar struct {
	days    map[Date]Day
	years   map[int]bool
	lenient bool
}

// Option configures New.
type Option func(*Calendar)

// Lenient makes a Calendar apply the plain weekend rule (Monday to Friday
// work) to years it has no list for, instead of failing with
// ErrNotCovered. Use it only where a wrong day is harmless (a preview, a
// countdown); deadlines should fail instead.
func Lenient() Option {
	return func(c *Calendar) { c.lenient = true }
}

// New builds a Calendar from the holiday lists of one or more years. Each
// Year is validated; a year given twice is an error.
func New(years []Year, opts ...Option) (*Calendar, error) {
	c := &Calendar{days: make(map[Date]Day), years: make(map[int]bool)}
	for _, o := range opts {
		o(c)
	}
	for _, y := range years {
		if err := y.Validate(); err != nil {
			return nil, err
		}
		if c.years[y.Year] {
			return nil, fmt.Errorf("calendar: year %d: given twice", y.Year)
		}
		c.years[y.Year] = true
		for _, d := range y.Days {
			c.days[d.Date] = d
		}
	}
	return c, nil
}

// Covers reports whether a holiday list was loaded for the year of d. A
// Lenient Calendar still reports false for years it only guesses.
func (c *Calendar) Covers(d Date) bool {
	return c.years[d.Year]
}

// Years returns the covered years in ascending order.
func (c *Calendar) Years() []int {
	ys := make([]int, 0, len(c.years))
	for y := range c.years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	return ys
}

// Lookup returns the list entry for d (a holiday or a make-up working day),
// if there is one.
func (c *Calendar) Lookup(d Date) (Day, bool) {
	day, ok := c.days[d]
	return day, ok
}

// IsWorkday reports whether d is a working day: the list entry for d if
// there is one, else Monday to Friday. It fails if d is not a valid date, or
// (unless Lenient) if its year is not covered, with a *NotCoveredError.
func (c *Calendar) IsWorkday(d Date) (bool, error) {
	if !d.Valid() {
		return false, fmt.Errorf("calendar: invalid date %s", d)
	}
	if day, ok := c.days[d]; ok {
		return !day.IsOffDay, nil
	}
	if !c.years[d.Year] && !c.lenient {
		return false, &NotCoveredError{Year: d.Year}
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday, nil
}
