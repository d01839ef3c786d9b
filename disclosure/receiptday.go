package disclosure

import (
	"time"

	"github.com/hallcast/hallcast/calendar"
)

// ReceiptDay says what kind of day the day of receipt was on the
// working-day calendar. It does not move the receipt (see Channel): a
// receipt on a day off starts the count on the next working day, one on
// a make-up working day (调休上班) is a working day like any other.
type ReceiptDay struct {
	Date    calendar.Date `json:"date"`
	Workday bool          `json:"workday"`
	// MakeUp marks a Saturday or Sunday the holiday list makes a working
	// day (调休上班).
	MakeUp bool `json:"make_up,omitempty"`
	// Holiday is the list's name for the day (e.g. 国庆节), on a holiday or
	// a make-up working day.
	Holiday string `json:"holiday,omitempty"`
}

// receiptDay looks d up on cal.
func receiptDay(cal *calendar.Calendar, d calendar.Date) (*ReceiptDay, error) {
	work, err := cal.IsWorkday(d)
	if err != nil {
		return nil, err
	}
	rd := &ReceiptDay{Date: d, Workday: work}
	if day, listed := cal.Lookup(d); listed {
		rd.Holiday = day.Name
		wd := d.Weekday()
		rd.MakeUp = work && (wd == time.Saturday || wd == time.Sunday)
	}
	return rd, nil
}
