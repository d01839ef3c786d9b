package display_test

import (
	"strconv"

	"github.com/hallcast/hallcast/calendar"
)

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func key(id int64) string { return "n" + itoa(id) }

func mustDate(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
