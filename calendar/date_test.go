package calendar

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{in: "2026-02-16", want: Date{2026, time.February, 16}},
		{in: "2024-02-29", want: Date{2024, time.February, 29}},
		{in: "0001-01-01", want: Date{1, time.January, 1}},
		{in: "2026-02-29", wantErr: true},
		{in: "2026-13-01", wantErr: true},
		{in: "2026-00-10", wantErr: true},
		{in: "2026-2-16", wantErr: true},
		{in: "2026/02/16", wantErr: true},
		{in: "2026-02-16T00:00:00Z", wantErr: true},
		{in: " 2026-02-16", wantErr: true},
		{in: "", wantErr: true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if err == nil && got.String() != tt.in {
			t.Errorf("String() = %q, want %q", got.String(), tt.in)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-02-13", 7, "2026-02-20"},
		{"2026-02-28", 1, "2026-03-01"},
		{"2024-02-28", 1, "2024-02-29"},
		{"2025-12-31", 1, "2026-01-01"},
		{"2026-01-01", -1, "2025-12-31"},
		{"2026-03-01", -1, "2026-02-28"},
		{"2026-01-01", 365, "2027-01-01"},
		{"2026-05-05", 0, "2026-05-05"},
	}
	for _, tt := range tests {
		from, want := date(tt.from), date(tt.want)
		if got := from.AddDays(tt.n); got != want {
			t.Errorf("%s.AddDays(%d) = %s, want %s", from, tt.n, got, want)
		}
		if got := from.DaysUntil(want); got != tt.n {
			t.Errorf("%s.DaysUntil(%s) = %d, want %d", from, want, got, tt.n)
		}
	}
	if got := date("0001-01-01").DaysUntil(date("9999-12-31")); got != 3652058 {
		t.Errorf("DaysUntil over the whole range = %d", got)
	}
}

func TestDateWeekdayCompareValid(t *testing.T) {
	if wd := date("2026-02-13").Weekday(); wd != time.Friday {
		t.Errorf("2026-02-13 is a %v, want Friday", wd)
	}
	if wd := date("2025-01-01").Weekday(); wd != time.Wednesday {
		t.Errorf("2025-01-01 is a %v, want Wednesday", wd)
	}
	a, b := date("2025-12-31"), date("2026-01-01")
	if !a.Before(b) || !b.After(a) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Error("Compare/Before/After")
	}
	for _, d := range []Date{{}, {2026, 2, 29}, {2026, 0, 1}, {2026, 1, 0}, {10000, 1, 1}, {0, 12, 31}} {
		if d.Valid() {
			t.Errorf("%v should be invalid", d)
		}
	}
}

func TestDateOfUsesTheTimesZone(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	// 2026-02-13 16:30 UTC is already 2026-02-14 00:30 in Shanghai.
	utc := time.Date(2026, 2, 13, 16, 30, 0, 0, time.UTC)
	if got := DateOf(utc); got != date("2026-02-13") {
		t.Errorf("DateOf(UTC) = %s", got)
	}
	if got := DateOf(utc.In(shanghai)); got != date("2026-02-14") {
		t.Errorf("DateOf(Shanghai) = %s", got)
	}
	if got := date("2026-02-14").In(shanghai); !got.Equal(time.Date(2026, 2, 13, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("In(Shanghai) = %v", got)
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		End Date `json:"end"`
	}
	data, err := json.Marshal(doc{date("2026-03-02")})
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != `{"end":"2026-03-02"}` {
		t.Errorf("Marshal = %s", data)
	}
	var back doc
	if err := json.Unmarshal(data, &back); err != nil || back.End != date("2026-03-02") {
		t.Errorf("Unmarshal = %v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"end":"2026-02-30"}`), &back); err == nil {
		t.Error("Unmarshal accepted 2026-02-30")
	}
	if _, err := json.Marshal(doc{}); err == nil {
		t.Error("Marshal accepted the zero Date")
	}
}
