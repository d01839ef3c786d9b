package clock_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/hallcast/hallcast/clock"
)

// A reading late in the evening in UTC is already the next day in
// Shanghai: today and the offset follow the zone, not UTC.
func TestReadGivesNowTodayAndZoneInTheZone(t *testing.T) {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	f := clock.NewFake(time.Date(2025, 12, 31, 16, 30, 0, 123456789, time.UTC))
	b, err := json.Marshal(clock.Read(f, sh))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"now":"2026-01-01T00:30:00.123+08:00","today":"2026-01-01","timezone":"Asia/Shanghai"}`
	if string(b) != want {
		t.Fatalf("got  %s\nwant %s", b, want)
	}
}
