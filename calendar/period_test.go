package calendar

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestPeriodValidate(t *testing.T) {
	tests := []struct {
		p       Period
		wantErr string
	}{
		{Period{7, UnitWorkdays}, ""},
		{Period{30, UnitDays}, ""},
		{Period{MaxPeriodN, UnitDays}, ""},
		{Period{0, UnitWorkdays}, "calendar: period: n: 0 is out of range"},
		{Period{-3, UnitDays}, "n: -3 is out of range"},
		{Period{MaxPeriodN + 1, UnitDays}, "n: 3661 is out of range"},
		{Period{7, ""}, `unit: "" is not "workdays" or "days"`},
		{Period{7, "weeks"}, `unit: "weeks"`},
	}
	for _, tt := range tests {
		err := tt.p.Validate()
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%+v: %v", tt.p, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%+v: error = %v, want %q", tt.p, err, tt.wantErr)
		}
	}
}

func TestPeriodEnd(t *testing.T) {
	c := builtinCalendar(t)
	tests := []struct {
		p     Period
		start string
		want  string
	}{
		{Period{7, UnitWorkdays}, "2026-02-13", "2026-03-02"}, // see TestAddWorkdays
		{Period{7, UnitDays}, "2026-02-13", "2026-02-20"},
		{Period{20, UnitWorkdays}, "2026-09-30", "2026-11-03"},
		// A 5-working-day follow-up (R9) opened on 2026-04-30: 05-01..05-05
		// off, 05-06 (1), 05-07 (2), 05-08 (3), make-up Saturday 05-09 (4),
		// Monday 05-11 (5).
		{Period{5, UnitWorkdays}, "2026-04-30", "2026-05-11"},
	}
	for _, tt := range tests {
		got, err := tt.p.End(date(tt.start), c)
		if err != nil || got != date(tt.want) {
			t.Errorf("%v.End(%s) = %s, %v; want %s", tt.p, tt.start, got, err, tt.want)
		}
	}
	if _, err := (Period{7, UnitWorkdays}).End(date("2026-12-28"), c); !errors.Is(err, ErrNotCovered) {
		t.Errorf("into 2027: %v", err)
	}
	if _, err := (Period{0, UnitWorkdays}).End(date("2026-03-02"), c); err == nil {
		t.Error("invalid period accepted")
	}
	if _, err := (Period{7, UnitDays}).End(date("2026-03-02"), nil); err == nil {
		t.Error("nil Calendar accepted")
	}
}

func TestPeriodJSON(t *testing.T) {
	p := Period{N: 7, Unit: UnitWorkdays}
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != `{"n":7,"unit":"workdays"}` {
		t.Errorf("Marshal = %s", data)
	}
	var back Period
	if err := json.Unmarshal([]byte(`{"n":10,"unit":"days"}`), &back); err != nil || back != (Period{10, UnitDays}) {
		t.Errorf("Unmarshal = %+v, %v", back, err)
	}
	if p.String() != "7 workdays" || back.String() != "10 days" {
		t.Errorf("String = %q, %q", p, back)
	}
}
