package calendar

import (
	"fmt"
	"strings"
	"time"
)

// FestivalError says that a list does not give a festival its statutory
// days off (R3): the festival is not named at all, or some of its
// statutory days are not off.
type FestivalError struct {
	Year     int
	Festival string
	// Missing are the statutory days the list does not give off; empty
	// when only the name is missing.
	Missing []Date
}

// Error implements error, e.g. "春节: 2027-02-05, 2027-02-06 must be days off".
func (e *FestivalError) Error() string {
	if len(e.Missing) == 0 {
		return fmt.Sprintf("%s: no entry names it", e.Festival)
	}
	ds := make([]string, len(e.Missing))
	for i, d := range e.Missing {
		ds[i] = d.String()
	}
	return fmt.Sprintf("%s: %s must be days off (全国年节及纪念日放假办法 第二条)", e.Festival, strings.Join(ds, ", "))
}

// MakeUpError says that a list has a make-up working day (isOffDay false)
// that is not a Saturday or Sunday: a weekday is a working day anyway.
type MakeUpError struct {
	Index int
	Date  Date
}

// Error implements error.
func (e *MakeUpError) Error() string {
	return fmt.Sprintf("days[%d]: %s is a %s; a make-up working day falls on a Saturday or Sunday", e.Index, e.Date, e.Date.Weekday())
}

// CheckOfficial checks what a State Council list always does: every
// make-up working day is a Saturday or Sunday and, for the years of the
// 2024 rules, each of the seven festivals is named and has at least its
// statutory days off. It returns a *MakeUpError or the first
// *FestivalError; Validate is checked first.
func (y Year) CheckOfficial() error {
	if err := y.Validate(); err != nil {
		return err
	}
	byDate := make(map[Date]Day, len(y.Days))
	for i, d := range y.Days {
		byDate[d.Date] = d
		if !d.IsOffDay {
			if wd := d.Date.Weekday(); wd != time.Saturday && wd != time.Sunday {
				return &MakeUpError{Index: i, Date: d.Date}
			}
		}
	}
	if y.Year < FirstStatutoryYear || y.Year > LastStatutoryYear {
		return nil
	}
	fs, err := Festivals(y.Year)
	if err != nil {
		return err
	}
	for _, f := range fs {
		named := false
		for _, d := range y.Days {
			if d.IsOffDay && strings.Contains(d.Name, f.Stem) {
				named = true
				break
			}
		}
		var missing []Date
		for _, d := range f.Days {
			if e, ok := byDate[d]; !ok || !e.IsOffDay {
				missing = append(missing, d)
			}
		}
		if !named || len(missing) > 0 {
			return &FestivalError{Year: y.Year, Festival: f.Name, Missing: missing}
		}
	}
	return nil
}
