package calendar

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestIsWorkday(t *testing.T) {
	c := builtinCalendar(t)
	tests := []struct {
		date string
		want bool
		why  string
	}{
		{"2026-01-05", true, "plain Monday"},
		{"2026-01-09", true, "plain Friday"},
		{"2026-01-10", false, "plain Saturday"},
		{"2026-01-11", false, "plain Sunday"},
		{"2026-01-01", false, "元旦 on a Thursday"},
		{"2026-01-02", false, "元旦 bridge Friday"},
		{"2026-01-04", true, "make-up Sunday for 元旦"},
		{"2026-02-14", true, "make-up Saturday before 春节"},
		{"2026-02-16", false, "除夕"},
		{"2026-02-23", false, "春节 ends on a Monday"},
		{"2026-02-24", true, "first day back after 春节"},
		{"2026-02-28", true, "make-up Saturday after 春节"},
		{"2026-04-06", false, "清明节 Monday"},
		{"2026-05-05", false, "劳动节 Tuesday"},
		{"2026-05-09", true, "make-up Saturday for 劳动节"},
		{"2026-06-19", false, "端午节 Friday"},
		{"2026-09-20", true, "make-up Sunday for 国庆节"},
		{"2026-09-25", false, "中秋节 Friday"},
		{"2026-10-07", false, "国庆节 Wednesday"},
		{"2026-10-10", true, "make-up Saturday for 国庆节"},
		{"2026-10-11", false, "Sunday after the make-up Saturday"},
		{"2026-12-31", true, "last day of 2026, a Thursday"},
		{"2025-01-01", false, "元旦 2025, a Wednesday"},
		{"2025-01-26", true, "make-up Sunday before 春节 2025"},
		{"2025-02-04", false, "last day of 春节 2025"},
		{"2025-02-08", true, "make-up Saturday after 春节 2025"},
		{"2025-04-27", true, "make-up Sunday for 劳动节 2025"},
		{"2025-06-02", false, "端午节 2025 Monday"},
		{"2025-09-28", true, "make-up Sunday for 国庆节、中秋节 2025"},
		{"2025-10-08", false, "国庆节、中秋节 2025 Wednesday"},
		{"2025-10-11", true, "make-up Saturday for 国庆节、中秋节 2025"},
	}
	for _, tt := range tests {
		got, err := c.IsWorkday(date(tt.date))
		if err != nil || got != tt.want {
			t.Errorf("IsWorkday(%s) = %v, %v; want %v (%s)", tt.date, got, err, tt.want, tt.why)
		}
	}
}

func TestNotCovered(t *testing.T) {
	c := builtinCalendar(t)
	for _, d := range []string{"2024-12-31", "2027-01-01", "2027-01-04"} {
		_, err := c.IsWorkday(date(d))
		if !errors.Is(err, ErrNotCovered) {
			t.Fatalf("IsWorkday(%s) error = %v, want ErrNotCovered", d, err)
		}
		var nc *NotCoveredError
		if !errors.As(err, &nc) || nc.Year != date(d).Year {
			t.Errorf("IsWorkday(%s): NotCoveredError = %+v", d, nc)
		}
		if c.Covers(date(d)) {
			t.Errorf("Covers(%s) = true", d)
		}
	}
	if !c.Covers(date("2025-06-01")) || !c.Covers(date("2026-12-31")) {
		t.Error("Covers should be true for 2025 and 2026")
	}
	if got := c.Years(); !reflect.DeepEqual(got, []int{2025, 2026}) {
		t.Errorf("Years() = %v", got)
	}
	if _, err := c.IsWorkday(Date{2026, 2, 30}); err == nil || errors.Is(err, ErrNotCovered) {
		t.Errorf("invalid date error = %v", err)
	}
}

func TestProvisional(t *testing.T) {
	c := builtinCalendar(t, Provisional())
	tests := []struct {
		date string
		want bool
	}{
		{"2027-01-01", false}, // 元旦, a Friday, by the statutory rules
		{"2027-01-04", true},  // Monday after it
		{"2027-02-05", false}, // 除夕 (Friday)
		{"2027-02-08", false}, // 正月初三 (Monday)
		{"2027-02-09", false}, // 初一 fell on a Saturday: made up on Tuesday
		{"2027-02-10", false}, // 初二 fell on a Sunday: made up on Wednesday
		{"2027-02-11", true},
		{"2026-10-10", true}, // covered years still follow their list
		{"2026-10-01", false},
	}
	for _, tt := range tests {
		got, err := c.IsWorkday(date(tt.date))
		if err != nil || got != tt.want {
			t.Errorf("provisional IsWorkday(%s) = %v, %v; want %v", tt.date, got, err, tt.want)
		}
	}
	if c.Covers(date("2027-01-01")) {
		t.Error("a provisional Calendar must not claim to cover 2027")
	}
	if !c.Provisional(date("2026-12-15"), date("2027-01-13")) || c.Provisional(date("2026-01-05"), date("2026-12-31")) {
		t.Error("Provisional must say whether a span reaches a year without a list")
	}
	if d, ok := c.Lookup(date("2027-02-09")); !ok || d.Name != "春节补休" || !d.IsOffDay {
		t.Errorf("Lookup of a provisional day = %+v, %v", d, ok)
	}
	if _, err := c.IsWorkday(date("2024-05-01")); !errors.Is(err, ErrNotCovered) {
		t.Errorf("a year before the 2024 rules without a list: err = %v, want not covered", err)
	}
}

func TestNew(t *testing.T) {
	b := Builtin()
	if _, err := New(append(b, b[0])); err == nil || !strings.Contains(err.Error(), "calendar: year 2025: given twice") {
		t.Errorf("duplicate year error = %v", err)
	}
	bad := Year{Year: 2027, Days: []Day{{Name: "元旦", Date: date("2026-01-01"), IsOffDay: true}}}
	if _, err := New([]Year{bad}); err == nil || !strings.Contains(err.Error(), "days[0].date: 2026-01-01 is outside 2027") {
		t.Errorf("invalid year error = %v", err)
	}
	empty, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := empty.IsWorkday(date("2026-01-05")); !errors.Is(err, ErrNotCovered) {
		t.Errorf("empty Calendar: %v", err)
	}
}

func TestLookup(t *testing.T) {
	c := builtinCalendar(t)
	if d, ok := c.Lookup(date("2026-02-14")); !ok || d.Name != "春节" || d.IsOffDay {
		t.Errorf("Lookup(2026-02-14) = %+v, %v", d, ok)
	}
	if _, ok := c.Lookup(date("2026-03-03")); ok {
		t.Error("Lookup of an ordinary day found an entry")
	}
}
