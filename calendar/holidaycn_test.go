package calendar

import (
	"os"
	"strings"
	"testing"
)

func TestParseHolidayCNFiles(t *testing.T) {
	for _, tt := range []struct {
		file       string
		year       int
		off, work  int
		firstEntry Day
	}{
		{"data/2025.json", 2025, 28, 5, Day{Name: "元旦", Date: date("2025-01-01"), IsOffDay: true}},
		{"data/2026.json", 2026, 33, 6, Day{Name: "元旦", Date: date("2026-01-01"), IsOffDay: true}},
	} {
		f, err := os.Open(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		y, err := ParseHolidayCN(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		off, work := 0, 0
		for _, d := range y.Days {
			if d.IsOffDay {
				off++
			} else {
				work++
			}
		}
		if y.Year != tt.year || off != tt.off || work != tt.work || y.Days[0] != tt.firstEntry {
			t.Errorf("%s: year %d, %d off, %d make-up, first %+v", tt.file, y.Year, off, work, y.Days[0])
		}
	}
}

func TestParseHolidayCNErrors(t *testing.T) {
	ok := `{"name":"春节","date":"2026-02-16","isOffDay":true}`
	tests := []struct {
		name, json, wantErr string
	}{
		{"not JSON", `{"year":`, "calendar: holiday-cn: unexpected EOF"},
		{"wrong type", `{"year":"2026","days":[]}`, "calendar: holiday-cn: json:"},
		{"missing year", `{"days":[` + ok + `]}`, "calendar: holiday-cn: year: missing"},
		{"year out of range", `{"year":0,"days":[` + ok + `]}`, "year: 0 is out of range"},
		{"no days", `{"year":2026,"days":[]}`, "days: empty list"},
		{"days absent", `{"year":2026}`, "days: empty list"},
		{"missing date", `{"year":2026,"days":[` + ok + `,{"name":"春节","isOffDay":true}]}`, "days[1].date: missing"},
		{"missing name", `{"year":2026,"days":[{"date":"2026-02-17","isOffDay":true}]}`, "days[0].name: missing"},
		{"missing isOffDay", `{"year":2026,"days":[` + ok + `,` + ok + `,{"name":"春节","date":"2026-02-18"}]}`, "days[2].isOffDay: missing"},
		{"malformed date", `{"year":2026,"days":[{"name":"春节","date":"2026-2-17","isOffDay":true}]}`, `days[0].date: "2026-2-17" is not a date`},
		{"impossible date", `{"year":2026,"days":[{"name":"春节","date":"2026-02-29","isOffDay":true}]}`, `days[0].date: "2026-02-29" is not a date`},
		{"date outside year", `{"year":2026,"days":[` + ok + `,{"name":"元旦","date":"2025-12-31","isOffDay":true}]}`, "days[1].date: 2025-12-31 is outside 2026"},
		{"duplicate date", `{"year":2026,"days":[` + ok + `,{"name":"春节","date":"2026-02-17","isOffDay":true},` + ok + `]}`, "days[2].date: 2026-02-16 is already days[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseHolidayCN(strings.NewReader(tt.json))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
			}
			if !strings.HasPrefix(err.Error(), "calendar: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestParseHolidayCNIgnoresExtraFields(t *testing.T) {
	in := `{"$schema":"x","$id":"y","year":2026,"papers":["z"],"days":[{"name":"春节","date":"2026-02-16","isOffDay":true,"note":"除夕"}]}`
	y, err := ParseHolidayCN(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(y.Days) != 1 || y.Days[0] != (Day{Name: "春节", Date: date("2026-02-16"), IsOffDay: true}) {
		t.Errorf("got %+v", y)
	}
}

func TestYearValidate(t *testing.T) {
	good := Year{Year: 2026, Days: []Day{{Name: "春节", Date: date("2026-02-16"), IsOffDay: true}}}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := Year{Year: 2026, Days: []Day{{Name: "?", Date: Date{2026, 2, 30}}}}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "calendar: year 2026: days[0].date: 2026-02-30 is not a valid date") {
		t.Errorf("error = %v", err)
	}
}
