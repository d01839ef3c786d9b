package calendar

import (
	"encoding/json"
	"fmt"
	"io"
)

// holidayCN mirrors the holiday-cn file with every field optional, so that
// a missing field is reported instead of read as zero. Other fields
// ("$schema", "papers", ...) are ignored.
type holidayCN struct {
	Year *int `json:"year"`
	Days []struct {
		Name     *string `json:"name"`
		Date     *string `json:"date"`
		IsOffDay *bool   `json:"isOffDay"`
	} `json:"days"`
}

// ParseHolidayCN reads one year's holiday list in the holiday-cn JSON shape
// (https://github.com/NateScarlet/holiday-cn):
//
//	{"year":2026,"days":[{"name":"春节","date":"2026-02-16","isOffDay":true}]}
//
// Every entry needs name, date ("YYYY-MM-DD", inside the year, not repeated)
// and isOffDay. Errors name the entry and field, e.g.
// "calendar: holiday-cn: days[4].isOffDay: missing".
func ParseHolidayCN(r io.Reader) (Year, error) {
	var raw holidayCN
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return Year{}, fmt.Errorf("calendar: holiday-cn: %w", err)
	}
	y, err := raw.year()
	if err == nil {
		err = y.validate()
	}
	if err != nil {
		return Year{}, fmt.Errorf("calendar: holiday-cn: %w", err)
	}
	return y, nil
}

// year converts the raw file, checking that required fields are present and
// dates well-formed.
func (raw holidayCN) year() (Year, error) {
	if raw.Year == nil {
		return Year{}, fmt.Errorf("year: missing")
	}
	y := Year{Year: *raw.Year, Days: make([]Day, 0, len(raw.Days))}
	for i, d := range raw.Days {
		switch {
		case d.Name == nil:
			return Year{}, fmt.Errorf("days[%d].name: missing", i)
		case d.Date == nil:
			return Year{}, fmt.Errorf("days[%d].date: missing", i)
		case d.IsOffDay == nil:
			return Year{}, fmt.Errorf("days[%d].isOffDay: missing", i)
		}
		date, err := ParseDate(*d.Date)
		if err != nil {
			return Year{}, fmt.Errorf("days[%d].date: %q is not a date (want YYYY-MM-DD)", i, *d.Date)
		}
		y.Days = append(y.Days, Day{Name: *d.Name, Date: date, IsOffDay: *d.IsOffDay})
	}
	return y, nil
}
