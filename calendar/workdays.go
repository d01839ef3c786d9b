package calendar

import "fmt"

// AddWorkdays returns the n-th working day after start. start itself never
// counts, as in "自收到申请之日起20个工作日内": the count begins the next day.
// n = 0 returns start unchanged (even if it is not a working day); n < 0
// returns the |n|-th working day before start.
//
// Example (2026 list): a request received on Wednesday 2026-09-30, the eve
// of the National Day holiday (10-01..10-07 off, Saturday 10-10 worked), has
// day 1 on 10-08, day 3 on Saturday 10-10, and day 20 on Tuesday 2026-11-03.
func (c *Calendar) AddWorkdays(start Date, n int) (Date, error) {
	if !start.Valid() {
		return Date{}, fmt.Errorf("calendar: invalid date %s", start)
	}
	step, left := 1, n
	if n < 0 {
		step, left = -1, -n
	}
	d := start
	for left > 0 {
		d = d.AddDays(step)
		ok, err := c.IsWorkday(d)
		if err != nil {
			return Date{}, fmt.Errorf("%w (adding %d working days to %s)", err, n, start)
		}
		if ok {
			left--
		}
	}
	return d, nil
}

// WorkdaysBetween counts the working days passed when moving from a to b,
// a excluded and b included: the working days in (a, b] when b is after a,
// so that WorkdaysBetween(a, AddWorkdays(a, n)) == n. When b is before a the
// result is minus the number of working days in [b, a), which keeps that
// identity for negative n. Use it for "working days left" on a screen:
// WorkdaysBetween(today, end).
func (c *Calendar) WorkdaysBetween(a, b Date) (int, error) {
	if !a.Valid() || !b.Valid() {
		return 0, fmt.Errorf("calendar: invalid date %s or %s", a, b)
	}
	lo, hi, sign := a, b, 1 // count the working days in (lo, hi]
	if b.Before(a) {
		lo, hi, sign = b.AddDays(-1), a.AddDays(-1), -1 // [b, a) is (b-1, a-1]
	}
	n := 0
	for d := lo.AddDays(1); !d.After(hi); d = d.AddDays(1) {
		ok, err := c.IsWorkday(d)
		if err != nil {
			return 0, fmt.Errorf("%w (counting working days from %s to %s)", err, a, b)
		}
		if ok {
			n++
		}
	}
	return sign * n, nil
}

// NextWorkday returns d if it is a working day, else the first working day
// after it.
func (c *Calendar) NextWorkday(d Date) (Date, error) {
	for {
		ok, err := c.IsWorkday(d)
		if err != nil {
			return Date{}, err
		}
		if ok {
			return d, nil
		}
		d = d.AddDays(1)
	}
}

// AddCalendarDays returns start plus n calendar days (n < 0 goes back).
// Holidays do not matter and nothing is rolled forward: if a rule moves a
// period ending on a holiday to the next working day (期间届满日遇法定节假日
// 顺延), apply NextWorkday to the result. It fails only for an invalid start
// or a result outside years 1..9999.
func (c *Calendar) AddCalendarDays(start Date, n int) (Date, error) {
	if !start.Valid() {
		return Date{}, fmt.Errorf("calendar: invalid date %s", start)
	}
	const maxSpan = 10000 * 366
	if n > maxSpan || n < -maxSpan {
		return Date{}, fmt.Errorf("calendar: %d days from %s is out of range", n, start)
	}
	end := start.AddDays(n)
	if !end.Valid() {
		return Date{}, fmt.Errorf("calendar: %d days from %s is out of range", n, start)
	}
	return end, nil
}
