package calendar

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

func TestBuiltin(t *testing.T) {
	years := Builtin()
	if len(years) != 2 || years[0].Year != 2025 || years[1].Year != 2026 {
		t.Fatalf("Builtin() years = %v", years)
	}
	for _, y := range years {
		if err := y.Validate(); err != nil {
			t.Error(err)
		}
		for i, d := range y.Days {
			if i > 0 && !y.Days[i-1].Date.Before(d.Date) {
				t.Errorf("%d: days[%d] %s is out of order", y.Year, i, d.Date)
			}
			wd := d.Date.Weekday()
			if weekend := wd == time.Saturday || wd == time.Sunday; !d.IsOffDay && !weekend {
				t.Errorf("%d: make-up day %s is a %v, not a weekend day", y.Year, d.Date, wd)
			}
			if d.Name == "" {
				t.Errorf("%d: days[%d] has no name", y.Year, i)
			}
		}
	}
	// A Year marshals back to the holiday-cn shape.
	for _, y := range years {
		data, err := json.Marshal(y)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseHolidayCN(bytes.NewReader(data))
		if err != nil || !reflect.DeepEqual(back, y) {
			t.Errorf("%d: JSON round trip: %v", y.Year, err)
		}
	}
	// Mutating the result must not change the next one.
	years[1].Days[0].IsOffDay = false
	if !Builtin()[1].Days[0].IsOffDay {
		t.Error("Builtin() shares its slices with callers")
	}
}

// TestBuiltinMatchesTheNotices restates each item of the two State Council
// notices and checks the embedded lists against it, day by day.
func TestBuiltinMatchesTheNotices(t *testing.T) {
	type holiday struct {
		name     string
		from, to string   // days off, inclusive
		makeUp   []string // weekend days worked
	}
	notices := map[int][]holiday{
		2025: {
			{"元旦", "2025-01-01", "2025-01-01", nil},
			{"春节", "2025-01-28", "2025-02-04", []string{"2025-01-26", "2025-02-08"}},
			{"清明节", "2025-04-04", "2025-04-06", nil},
			{"劳动节", "2025-05-01", "2025-05-05", []string{"2025-04-27"}},
			{"端午节", "2025-05-31", "2025-06-02", nil},
			{"国庆节、中秋节", "2025-10-01", "2025-10-08", []string{"2025-09-28", "2025-10-11"}},
		},
		2026: {
			{"元旦", "2026-01-01", "2026-01-03", []string{"2026-01-04"}},
			{"春节", "2026-02-15", "2026-02-23", []string{"2026-02-14", "2026-02-28"}},
			{"清明节", "2026-04-04", "2026-04-06", nil},
			{"劳动节", "2026-05-01", "2026-05-05", []string{"2026-05-09"}},
			{"端午节", "2026-06-19", "2026-06-21", nil},
			{"中秋节", "2026-09-25", "2026-09-27", nil},
			{"国庆节", "2026-10-01", "2026-10-07", []string{"2026-09-20", "2026-10-10"}},
		},
	}
	for _, y := range Builtin() {
		want := map[Date]Day{}
		for _, h := range notices[y.Year] {
			for d := date(h.from); !d.After(date(h.to)); d = d.AddDays(1) {
				want[d] = Day{Name: h.name, Date: d, IsOffDay: true}
			}
			for _, s := range h.makeUp {
				want[date(s)] = Day{Name: h.name, Date: date(s), IsOffDay: false}
			}
		}
		if len(y.Days) != len(want) {
			t.Errorf("%d: %d entries, the notice has %d", y.Year, len(y.Days), len(want))
		}
		for _, d := range y.Days {
			if want[d.Date] != d {
				t.Errorf("%d: entry %+v, notice says %+v", y.Year, d, want[d.Date])
			}
		}
	}
}
