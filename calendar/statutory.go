package calendar

import (
	"fmt"
	"slices"
	"time"

	lunar "github.com/6tail/lunar-go/calendar"
)

// The statutory holidays of 《全国年节及纪念日放假办法》 as amended on
// 2024-11-10 (in force from 2025), R3. Until the State Council publishes a
// year's list (with its bridging days and make-up working days), that year
// is counted on a provisional list derived from them (Statutory):
//
//   - 第二条: 元旦 1 day (1 January); 春节 4 days (农历除夕 and 正月初一 to
//     初三); 清明节 1 day (the day of the 清明 solar term); 劳动节 2 days
//     (1-2 May); 端午节 1 day (五月初五); 中秋节 1 day (八月十五); 国庆节
//     3 days (1-3 October);
//   - 第六条: a holiday of all citizens that falls on a Saturday or Sunday
//     is made up on a working day (补假): here the first working day after
//     the festival. A festival day that another festival already takes
//     (中秋 on 1-3 October, as in 2028) is made up the same way.
//
// Lunar dates and solar terms come from github.com/6tail/lunar-go.
const (
	// FirstStatutoryYear is the first year the 2024 rules apply to; years
	// before it without a list are not covered.
	FirstStatutoryYear = 2025
	// LastStatutoryYear bounds the provisional calendar.
	LastStatutoryYear = 2999
)

// Festival is one of the seven festivals of 第二条.
type Festival struct {
	// Name is the festival's name as holiday lists give it ("春节").
	Name string `json:"name"`
	// Stem is the part of the name a list entry must contain ("春节",
	// "清明"), so "国庆节、中秋节" names both 国庆 and 中秋.
	Stem string `json:"-"`
	// Days are the statutory days off of the year.
	Days []Date `json:"days"`
}

// Festivals returns the seven festivals of year with their statutory days
// off, in the order of 第二条. It fails for a year outside
// FirstStatutoryYear..LastStatutoryYear.
func Festivals(year int) ([]Festival, error) {
	if year < FirstStatutoryYear || year > LastStatutoryYear {
		return nil, &NotCoveredError{Year: year}
	}
	lunarDay := func(m, d int) Date {
		s := lunar.NewLunarFromYmd(year, m, d).GetSolar()
		return Date{s.GetYear(), time.Month(s.GetMonth()), s.GetDay()}
	}
	newYear := lunarDay(1, 1)
	qm := lunar.NewLunarFromYmd(year, 1, 1).GetJieQiTable()["清明"]
	qingming := Date{qm.GetYear(), time.Month(qm.GetMonth()), qm.GetDay()}
	fixed := func(m time.Month, days ...int) []Date {
		out := make([]Date, len(days))
		for i, d := range days {
			out[i] = Date{year, m, d}
		}
		return out
	}
	return []Festival{
		{Name: "元旦", Stem: "元旦", Days: fixed(time.January, 1)},
		{Name: "春节", Stem: "春节", Days: []Date{newYear.AddDays(-1), newYear, newYear.AddDays(1), newYear.AddDays(2)}},
		{Name: "清明节", Stem: "清明", Days: []Date{qingming}},
		{Name: "劳动节", Stem: "劳动", Days: fixed(time.May, 1, 2)},
		{Name: "端午节", Stem: "端午", Days: []Date{lunarDay(5, 5)}},
		{Name: "中秋节", Stem: "中秋", Days: []Date{lunarDay(8, 15)}},
		{Name: "国庆节", Stem: "国庆", Days: fixed(time.October, 1, 2, 3)},
	}, nil
}

// Statutory returns the provisional holiday list of year: the statutory
// days off of each festival and, for each of them that falls on a weekend
// or on another festival's day, a day made up (named e.g. "春节补休") on
// the first weekday after the festival that is not already off. It has no
// make-up working days: those only an official list can set.
func Statutory(year int) (Year, error) {
	fs, err := Festivals(year)
	if err != nil {
		return Year{}, err
	}
	off := map[Date]string{}
	var owed []struct {
		after Date
		name  string
	}
	for _, f := range fs {
		for _, d := range f.Days {
			if prev, taken := off[d]; taken {
				off[d] = prev + "、" + f.Name
				owed = append(owed, struct {
					after Date
					name  string
				}{f.Days[len(f.Days)-1], f.Name})
				continue
			}
			off[d] = f.Name
			if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
				owed = append(owed, struct {
					after Date
					name  string
				}{f.Days[len(f.Days)-1], f.Name})
			}
		}
	}
	for _, o := range owed {
		d := o.after.AddDays(1)
		for {
			_, taken := off[d]
			if wd := d.Weekday(); !taken && wd != time.Saturday && wd != time.Sunday {
				break
			}
			d = d.AddDays(1)
		}
		off[d] = o.name + "补休"
	}
	y := Year{Year: year}
	for d, name := range off {
		if d.Year == year {
			y.Days = append(y.Days, Day{Name: name, Date: d, IsOffDay: true})
		}
	}
	slices.SortFunc(y.Days, func(a, b Day) int { return a.Date.Compare(b.Date) })
	if err := y.Validate(); err != nil {
		return Year{}, fmt.Errorf("calendar: statutory list of %d: %w", year, err)
	}
	return y, nil
}
