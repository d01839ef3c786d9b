package calendar

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// Calendar answers whether a date is a working day, from the holiday lists
// of the years it covers and, if built with Provisional, from the statutory
// holidays for the other years. Build it with New; it is safe for
// concurrent use.
type Calendar struct {
	days  map[Date]Day
	years map[int]bool
	// provisional derives uncovered years from the statutory holidays.
	provisional bool
	mu          sync.Mutex
	derived     map[int]map[Date]Day
}

// Option configures New.
type Option func(*Calendar)

// Provisional makes a Calendar count a year without a holiday list on the
// provisional list of its statutory holidays (Statutory), R3: a missing
// list is never a reason to refuse or lose anything. Results that depend on
// such a year are marked by the caller (see Calendar.Provisional). Years
// before FirstStatutoryYear without a list still fail with ErrNotCovered.
func Provisional() Option {
	return func(c *Calendar) { c.provisional = true }
}

// New builds a Calendar from the holiday lists of one or more years. Each
// Year is validated; a year given twice is an error.
func New(years []Year, opts ...Option) (*Calendar, error) {
	c := &Calendar{days: make(map[Date]Day), years: make(map[int]bool), derived: make(map[int]map[Date]Day)}
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
// Provisional Calendar still reports false for years it derives.
func (c *Calendar) Covers(d Date) bool {
	return c.years[d.Year]
}

// Provisional reports whether a computation over the days from a to b (in
// either order, both included) relies on a provisional year: some year in
// between has no holiday list. Such results are shown as provisional
// (预计) and recomputed when the list arrives.
func (c *Calendar) Provisional(a, b Date) bool {
	if b.Before(a) {
		a, b = b, a
	}
	for y := a.Year; y <= b.Year; y++ {
		if !c.years[y] {
			return true
		}
	}
	return false
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
// if there is one: from the loaded list, or from the provisional list of an
// uncovered year when the Calendar is Provisional.
func (c *Calendar) Lookup(d Date) (Day, bool) {
	if day, ok := c.days[d]; ok || c.years[d.Year] || !c.provisional {
		return day, ok
	}
	prov, err := c.derive(d.Year)
	if err != nil {
		return Day{}, false
	}
	day, ok := prov[d]
	return day, ok
}

// IsWorkday reports whether d is a working day: the list entry for d if
// there is one, else Monday to Friday. A year without a list counts on its
// provisional list when the Calendar is Provisional; otherwise, or outside
// the years of the statutory rules, it fails with a *NotCoveredError.
func (c *Calendar) IsWorkday(d Date) (bool, error) {
	if !d.Valid() {
		return false, fmt.Errorf("calendar: invalid date %s", d)
	}
	if day, ok := c.days[d]; ok {
		return !day.IsOffDay, nil
	}
	if !c.years[d.Year] {
		if !c.provisional {
			return false, &NotCoveredError{Year: d.Year}
		}
		prov, err := c.derive(d.Year)
		if err != nil {
			return false, err
		}
		if day, ok := prov[d]; ok {
			return !day.IsOffDay, nil
		}
	}
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday, nil
}

// derive returns the provisional list of an uncovered year, computing it
// once per Calendar.
func (c *Calendar) derive(year int) (map[Date]Day, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m, ok := c.derived[year]; ok {
		return m, nil
	}
	y, err := Statutory(year)
	if err != nil {
		return nil, err
	}
	m := make(map[Date]Day, len(y.Days))
	for _, d := range y.Days {
		m[d.Date] = d
	}
	c.derived[year] = m
	return m, nil
}
