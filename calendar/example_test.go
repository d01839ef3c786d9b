package calendar_test

import (
	"fmt"

	"github.com/hallcast/hallcast/calendar"
)

// The day an application is received does not count: 20 working days from
// Wednesday 2026-09-30 start on 2026-10-08, after the National Day holiday,
// and include make-up Saturday 2026-10-10.
func ExampleCalendar_AddWorkdays() {
	cal, err := calendar.New(calendar.Builtin())
	if err != nil {
		panic(err)
	}
	received, _ := calendar.ParseDate("2026-09-30")
	due, err := cal.AddWorkdays(received, 20)
	fmt.Println(due, err)
	// Output: 2026-11-03 <nil>
}

func ExamplePeriod_End() {
	cal, err := calendar.New(calendar.Builtin())
	if err != nil {
		panic(err)
	}
	published, _ := calendar.ParseDate("2026-02-13")
	for _, p := range []calendar.Period{{N: 7, Unit: calendar.UnitWorkdays}, {N: 7, Unit: calendar.UnitDays}} {
		end, _ := p.End(published, cal)
		fmt.Println(p, end)
	}
	// Output:
	// 7 workdays 2026-03-02
	// 7 days 2026-02-20
}

// On Tuesday 2026-02-24 a notice ending 2026-03-02 has 5 working days left
// after today: 02-25, 02-26, 02-27, make-up Saturday 02-28 and 03-02.
func ExampleCalendar_WorkdaysBetween() {
	cal, _ := calendar.New(calendar.Builtin())
	today, _ := calendar.ParseDate("2026-02-24")
	end, _ := calendar.ParseDate("2026-03-02")
	left, _ := cal.WorkdaysBetween(today, end)
	fmt.Println(left, "working days left")
	// Output: 5 working days left
}
