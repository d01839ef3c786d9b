package calendar

import "fmt"

// Day is one entry of a holiday list: a date that does not follow the
// weekend rule, or that the list names anyway. IsOffDay false on a Saturday
// or Sunday is a make-up working day (调休上班).
type Day struct {
	Name     string `json:"name"`
	Date     Date   `json:"date"`
	IsOffDay bool   `json:"isOffDay"`
}

// Year is the holiday list of one year in the holiday-cn JSON shape:
//
//	{"year":2026,"days":[{"name":"春节","date":"2026-02-16","isOffDay":true}]}
type Year struct {
	Year int   `json:"year"`
	Days []Day `json:"days"`
}

// Validate checks that the year is between 1 and 9999 and that every entry
// is a valid date inside that year, not listed twice. The error names the
// entry, e.g. "calendar: year 2026: days[3].date: 2025-12-31 is outside 2026".
func (y Year) Validate() error {
	if err := y.validate(); err != nil {
		return fmt.Errorf("calendar: year %d: %w", y.Year, err)
	}
	return nil
}

// validate is Validate without the prefix.
func (y Year) validate() error {
	if y.Year < 1 || y.Year > 9999 {
		return fmt.Errorf("year: %d is out of range 1..9999", y.Year)
	}
	if len(y.Days) == 0 {
		return fmt.Errorf("days: empty list")
	}
	seen := make(map[Date]int, len(y.Days))
	for i, d := range y.Days {
		switch {
		case !d.Date.Valid():
			return fmt.Errorf("days[%d].date: %s is not a valid date", i, d.Date)
		case d.Date.Year != y.Year:
			return fmt.Errorf("days[%d].date: %s is outside %d", i, d.Date, y.Year)
		}
		if j, dup := seen[d.Date]; dup {
			return fmt.Errorf("days[%d].date: %s is already days[%d]", i, d.Date, j)
		}
		seen[d.Date] = i
	}
	return nil
}

// clone returns a deep copy of y.
func (y Year) clone() Year {
	y.Days = append([]Day(nil), y.Days...)
	return y
}
