package calendar

import "fmt"

// Unit is the unit of a Period.
type Unit string

// Units of a Period.
const (
	UnitWorkdays Unit = "workdays" // working days by the Calendar
	UnitDays     Unit = "days"     // calendar days
)

// MaxPeriodN is the largest N a valid Period may have (about ten years of
// calendar days).
const MaxPeriodN = 3660

// Period is a length of time set in configuration, such as a category's
// notice period (公示期, R7) or a follow-up deadline (R9). Its JSON form is
// {"n":7,"unit":"workdays"}.
type Period struct {
	N    int  `json:"n"`
	Unit Unit `json:"unit"`
}

// Validate checks that N is between 1 and MaxPeriodN and that Unit is
// UnitWorkdays or UnitDays; the error names the field.
func (p Period) Validate() error {
	if p.N < 1 || p.N > MaxPeriodN {
		return fmt.Errorf("calendar: period: n: %d is out of range 1..%d", p.N, MaxPeriodN)
	}
	if p.Unit != UnitWorkdays && p.Unit != UnitDays {
		return fmt.Errorf("calendar: period: unit: %q is not %q or %q", p.Unit, UnitWorkdays, UnitDays)
	}
	return nil
}

// End returns the last day of the period that starts after start: start
// does not count (see AddWorkdays). A 7-workday notice published on
// 2026-02-13 ends on 2026-03-02; a 7-day one ends on 2026-02-20.
func (p Period) End(start Date, cal *Calendar) (Date, error) {
	if err := p.Validate(); err != nil {
		return Date{}, err
	}
	if cal == nil {
		return Date{}, fmt.Errorf("calendar: period: nil Calendar")
	}
	if p.Unit == UnitDays {
		return cal.AddCalendarDays(start, p.N)
	}
	return cal.AddWorkdays(start, p.N)
}

// String returns e.g. "7 workdays" or "10 days".
func (p Period) String() string {
	return fmt.Sprintf("%d %s", p.N, p.Unit)
}
