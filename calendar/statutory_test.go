package calendar

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestFestivals(t *testing.T) {
	tests := []struct {
		year int
		want map[string]string // festival: its statutory days
	}{
		// The 2026 official list (国务院办公厅 2025-11-04) puts them here.
		{2026, map[string]string{"元旦": "2026-01-01", "春节": "2026-02-16 2026-02-17 2026-02-18 2026-02-19",
			"清明节": "2026-04-05", "劳动节": "2026-05-01 2026-05-02", "端午节": "2026-06-19", "中秋节": "2026-09-25",
			"国庆节": "2026-10-01 2026-10-02 2026-10-03"}},
		{2027, map[string]string{"春节": "2027-02-05 2027-02-06 2027-02-07 2027-02-08", "清明节": "2027-04-05",
			"端午节": "2027-06-09", "中秋节": "2027-09-15"}},
		{2028, map[string]string{"春节": "2028-01-25 2028-01-26 2028-01-27 2028-01-28", "清明节": "2028-04-04",
			"端午节": "2028-05-28", "中秋节": "2028-10-03"}},
	}
	for _, tt := range tests {
		fs, err := Festivals(tt.year)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != 7 {
			t.Fatalf("%d: %d festivals", tt.year, len(fs))
		}
		for _, f := range fs {
			want, ok := tt.want[f.Name]
			if !ok {
				continue
			}
			var got []string
			for _, d := range f.Days {
				got = append(got, d.String())
			}
			if strings.Join(got, " ") != want {
				t.Errorf("%d %s = %v, want %s", tt.year, f.Name, got, want)
			}
		}
	}
	for _, y := range []int{2024, 3000} {
		if _, err := Festivals(y); !errors.Is(err, ErrNotCovered) {
			t.Errorf("Festivals(%d) err = %v, want not covered", y, err)
		}
	}
}

func TestStatutory(t *testing.T) {
	y, err := Statutory(2027)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range y.Days {
		got = append(got, d.Date.String()+" "+d.Name)
	}
	want := []string{
		"2027-01-01 元旦",
		"2027-02-05 春节", "2027-02-06 春节", "2027-02-07 春节", "2027-02-08 春节",
		"2027-02-09 春节补休", "2027-02-10 春节补休", // 初一 and 初二 fell on the weekend
		"2027-04-05 清明节",
		"2027-05-01 劳动节", "2027-05-02 劳动节",
		"2027-05-03 劳动节补休", "2027-05-04 劳动节补休", // 1-2 May are a Saturday and a Sunday
		"2027-06-09 端午节", "2027-09-15 中秋节",
		"2027-10-01 国庆节", "2027-10-02 国庆节", "2027-10-03 国庆节",
		"2027-10-04 国庆节补休", "2027-10-05 国庆节补休",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Statutory(2027) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// 2028: 中秋 is 3 October, a day 国庆 takes too: one more day is made
	// up, besides the one for Sunday 1 October.
	y, err = Statutory(2028)
	if err != nil {
		t.Fatal(err)
	}
	days := map[Date]string{}
	for _, d := range y.Days {
		days[d.Date] = d.Name
	}
	if days[date("2028-10-03")] != "中秋节、国庆节" || days[date("2028-10-04")] == "" || days[date("2028-10-05")] == "" || days[date("2028-10-06")] != "" {
		t.Errorf("2028 October: %v", days)
	}
}

// Every provisional list is itself a complete list, and has no day off on
// a weekend but the festivals' own.
func TestStatutoryYearsAreComplete(t *testing.T) {
	for year := FirstStatutoryYear; year <= 2100; year++ {
		y, err := Statutory(year)
		if err != nil {
			t.Fatal(err)
		}
		if err := y.CheckOfficial(); err != nil {
			t.Errorf("Statutory(%d).CheckOfficial() = %v", year, err)
		}
		weekdaysOff := 0
		for _, d := range y.Days {
			if wd := d.Date.Weekday(); wd != time.Saturday && wd != time.Sunday {
				weekdaysOff++
			}
		}
		if weekdaysOff != 13 { // 13 statutory days, each on a weekday or made up on one
			t.Errorf("%d: %d weekdays off, want 13", year, weekdaysOff)
		}
	}
}

func TestCheckOfficial(t *testing.T) {
	for _, y := range Builtin() {
		if err := y.CheckOfficial(); err != nil {
			t.Errorf("built-in %d: %v", y.Year, err)
		}
	}
	full, _ := Statutory(2027)
	without := func(stem string) Year {
		y := Year{Year: 2027}
		for _, d := range full.Days {
			if !strings.Contains(d.Name, stem) {
				y.Days = append(y.Days, d)
			}
		}
		return y
	}
	var fe *FestivalError
	err := without("春节").CheckOfficial()
	if !errors.As(err, &fe) || fe.Festival != "春节" || len(fe.Missing) != 4 {
		t.Errorf("a list without 春节: err = %v", err)
	}
	// The example: only 元旦.
	only := Year{Year: 2027, Days: []Day{{Name: "元旦", Date: date("2027-01-01"), IsOffDay: true}}}
	if err := only.CheckOfficial(); !errors.As(err, &fe) || fe.Festival != "春节" {
		t.Errorf("a list with only 元旦: err = %v, want 春节 missing", err)
	}
	// A statutory day made a working day is refused, even when named.
	y := full
	y.Days = append([]Day(nil), full.Days...)
	for i := range y.Days {
		if y.Days[i].Date == date("2027-10-02") {
			y.Days[i].IsOffDay = false
		}
	}
	if err := y.CheckOfficial(); err == nil {
		t.Error("国庆 2 October as a working day accepted")
	}
	// Make-up working days only on weekends.
	y = full
	y.Days = append(append([]Day(nil), full.Days...), Day{Name: "春节", Date: date("2027-02-12"), IsOffDay: false})
	var me *MakeUpError
	if err := y.CheckOfficial(); !errors.As(err, &me) || me.Date != date("2027-02-12") {
		t.Errorf("a make-up working day on a Friday: err = %v", err)
	}
	y.Days[len(y.Days)-1].Date = date("2027-02-14") // a Sunday
	if err := y.CheckOfficial(); err != nil {
		t.Errorf("a make-up Sunday refused: %v", err)
	}
	// Combined names count for both festivals, as holiday-cn writes 2025.
	if err := Builtin()[0].CheckOfficial(); err != nil {
		t.Errorf("2025 (国庆节、中秋节): %v", err)
	}
}
