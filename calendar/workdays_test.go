package calendar

import (
	"errors"
	"testing"
)

func TestAddWorkdays(t *testing.T) {
	c := builtinCalendar(t)
	tests := []struct {
		name  string
		start string
		n     int
		want  string
	}{
		// 公示 of 7 working days published on Friday 2026-02-13, the last
		// Friday before 春节 (02-15..02-23 off; Saturdays 02-14 and 02-28
		// worked). Day 1 is make-up Saturday 02-14, days 2-5 are 02-24..02-27,
		// day 6 is make-up Saturday 02-28, Sunday 03-01 is off, day 7 is
		// Monday 2026-03-02.
		{"公示 before 春节 2026", "2026-02-13", 7, "2026-03-02"},
		// Published Friday 2026-09-18: day 1 is make-up Sunday 09-20, days 2-5
		// are 09-21..09-24, 中秋节 09-25..09-27 is off, days 6-7 are 09-28 and
		// 09-29.
		{"公示 before 中秋节 2026", "2026-09-18", 7, "2026-09-29"},
		// Published Friday 2025-09-26: day 1 is make-up Sunday 09-28, days 2-3
		// are 09-29 and 09-30, 10-01..10-08 is off, days 4-5 are 10-09 and
		// 10-10, day 6 is make-up Saturday 10-11, day 7 is Monday 10-13.
		{"公示 before 国庆节 2025", "2025-09-26", 7, "2025-10-13"},
		// A disclosure request received on Wednesday 2026-09-30, the day
		// before 国庆节 (10-01..10-07 off, Saturday 10-10 worked): 10-08 and
		// 10-09 are days 1-2, 10-10 day 3, 10-12..10-16 days 4-8, 10-19..10-23
		// days 9-13, 10-26..10-30 days 14-18, 11-02 day 19, 11-03 day 20.
		{"request on the eve of 国庆节", "2026-09-30", 20, "2026-11-03"},
		// Received on 2025-12-31, the eve of 元旦 2026 (01-01..01-03 off,
		// Sunday 01-04 worked): day 1 is 01-04, days 2-6 01-05..01-09, 7-11
		// 01-12..01-16, 12-16 01-19..01-23, 17-20 01-26..01-29.
		{"request across the year end", "2025-12-31", 20, "2026-01-29"},
		{"zero returns start", "2026-02-16", 0, "2026-02-16"},
		{"from a make-up Saturday", "2026-02-14", 1, "2026-02-24"},
		{"from a plain Saturday", "2026-03-07", 1, "2026-03-09"},
		{"Friday before a make-up Sunday", "2025-01-24", 1, "2025-01-26"},
		{"plain week", "2026-03-02", 5, "2026-03-09"},
		{"up to the last covered day", "2026-12-25", 4, "2026-12-31"},
		{"back over a holiday", "2026-10-08", -1, "2026-09-30"},
		{"back onto a make-up Saturday", "2026-10-12", -1, "2026-10-10"},
		{"back two", "2026-10-12", -2, "2026-10-09"},
		{"back over 春节", "2026-03-02", -7, "2026-02-13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := c.AddWorkdays(date(tt.start), tt.n)
			if err != nil || got != date(tt.want) {
				t.Fatalf("AddWorkdays(%s, %d) = %s, %v; want %s", tt.start, tt.n, got, err, tt.want)
			}
			between, err := c.WorkdaysBetween(date(tt.start), got)
			if err != nil || between != tt.n {
				t.Errorf("WorkdaysBetween(%s, %s) = %d, %v; want %d", tt.start, got, between, err, tt.n)
			}
		})
	}
}

func TestAddWorkdaysNotCovered(t *testing.T) {
	c := builtinCalendar(t)
	tests := []struct {
		start string
		n     int
		year  int
	}{
		{"2026-12-31", 1, 2027},
		{"2026-12-01", 30, 2027},
		{"2025-01-02", -1, 2024},
	}
	for _, tt := range tests {
		_, err := c.AddWorkdays(date(tt.start), tt.n)
		var nc *NotCoveredError
		if !errors.Is(err, ErrNotCovered) || !errors.As(err, &nc) || nc.Year != tt.year {
			t.Errorf("AddWorkdays(%s, %d) error = %v, want not covered %d", tt.start, tt.n, err, tt.year)
		}
	}
	prov := builtinCalendar(t, Provisional())
	if got, err := prov.AddWorkdays(date("2026-12-31"), 1); err != nil || got != date("2027-01-04") {
		t.Errorf("provisional AddWorkdays = %s, %v; want 2027-01-04 (元旦 off by the statutory rules)", got, err)
	}
	// The example: a request received on 2026-12-15 with no 2027
	// list is due on 2027-01-13.
	if got, err := prov.AddWorkdays(date("2026-12-15"), 20); err != nil || got != date("2027-01-13") {
		t.Errorf("provisional AddWorkdays(2026-12-15, 20) = %s, %v; want 2027-01-13", got, err)
	}
	if _, err := c.AddWorkdays(Date{2026, 2, 30}, 1); err == nil {
		t.Error("invalid start accepted")
	}
	if _, err := prov.AddWorkdays(date("9999-12-30"), 5); err == nil {
		t.Error("running past year 9999 must fail")
	}
}

func TestWorkdaysBetween(t *testing.T) {
	c := builtinCalendar(t)
	tests := []struct {
		a, b string
		want int
	}{
		{"2026-03-02", "2026-03-02", 0},
		{"2026-03-02", "2026-03-03", 1},
		{"2026-03-06", "2026-03-09", 1},  // Friday to Monday
		{"2026-09-30", "2026-10-08", 1},  // over 国庆节
		{"2026-09-30", "2026-10-10", 3},  // 10-08, 10-09, make-up 10-10
		{"2026-02-15", "2026-02-23", 0},  // inside 春节
		{"2026-02-13", "2026-03-02", 7},  // the 公示 example
		{"2026-03-02", "2026-02-13", -7}, // [02-13, 03-02) holds 7 working days
		{"2026-10-10", "2026-10-09", -1}, // [10-09, 10-10) is Friday 10-09
		{"2025-12-31", "2026-01-29", 20},
		// 2025: 261 weekdays, 18 of them holidays, 5 make-up days = 248.
		{"2025-01-01", "2025-12-31", 248},
		// 2026: 261 weekdays, 19 of them holidays, 6 make-up days = 248.
		{"2025-12-31", "2026-12-31", 248},
	}
	for _, tt := range tests {
		got, err := c.WorkdaysBetween(date(tt.a), date(tt.b))
		if err != nil || got != tt.want {
			t.Errorf("WorkdaysBetween(%s, %s) = %d, %v; want %d", tt.a, tt.b, got, err, tt.want)
		}
	}
	if _, err := c.WorkdaysBetween(date("2026-12-30"), date("2027-01-05")); !errors.Is(err, ErrNotCovered) {
		t.Errorf("into 2027: %v", err)
	}
}

func TestNextWorkday(t *testing.T) {
	c := builtinCalendar(t)
	tests := []struct{ in, want string }{
		{"2026-03-03", "2026-03-03"}, // a working day is itself
		{"2026-02-14", "2026-02-14"}, // so is a make-up Saturday
		{"2026-02-15", "2026-02-24"},
		{"2026-03-07", "2026-03-09"},
		{"2026-10-01", "2026-10-08"},
		{"2026-09-19", "2026-09-20"}, // Saturday, then make-up Sunday
	}
	for _, tt := range tests {
		got, err := c.NextWorkday(date(tt.in))
		if err != nil || got != date(tt.want) {
			t.Errorf("NextWorkday(%s) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	if _, err := c.NextWorkday(date("2027-01-02")); !errors.Is(err, ErrNotCovered) {
		t.Errorf("uncovered: %v", err)
	}
}

func TestAddCalendarDays(t *testing.T) {
	c := builtinCalendar(t)
	tests := []struct {
		start string
		n     int
		want  string
	}{
		{"2026-02-13", 7, "2026-02-20"}, // ends inside 春节: no rollover
		{"2026-12-31", 10, "2027-01-10"},
		{"2026-03-01", -1, "2026-02-28"},
	}
	for _, tt := range tests {
		got, err := c.AddCalendarDays(date(tt.start), tt.n)
		if err != nil || got != date(tt.want) {
			t.Errorf("AddCalendarDays(%s, %d) = %s, %v; want %s", tt.start, tt.n, got, err, tt.want)
		}
	}
	if _, err := c.AddCalendarDays(date("9999-12-31"), 1); err == nil {
		t.Error("past year 9999 accepted")
	}
	if _, err := c.AddCalendarDays(date("2026-01-01"), 1<<40); err == nil {
		t.Error("huge n accepted")
	}
}
