package servertest

import (
	"fmt"
	"os"
	"testing"
	"time"
)

// NowVar names the environment variable that moves the fake clock's
// start, e.g. HALLCAST_TEST_NOW=2026-12-30T16:30 (see .ci/run).
const NowVar = "HALLCAST_TEST_NOW"

// DefaultNow is where the fake clock starts unless NowVar says otherwise:
// Monday 2025-11-24 09:00 in Shanghai. It lies in a year the machine will
// not be in again, so a page that takes its date from the browser rather
// than from the server shows a date the tests do not expect.
var DefaultNow = time.Date(2025, 11, 24, 9, 0, 0, 0, time.FixedZone("CST", 8*60*60))

// ParseNow reads NowVar's value: RFC 3339 (2026-12-30T16:30:00+08:00) or
// a wall time "2006-01-02T15:04" in loc, the hall's zone; empty means
// DefaultNow. The result is in loc.
func ParseNow(v string, loc *time.Location) (time.Time, error) {
	if v == "" {
		return DefaultNow.In(loc), nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.In(loc), nil
	}
	t, err := time.ParseInLocation("2006-01-02T15:04", v, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("servertest: %s=%q is neither RFC 3339 (2026-12-30T16:30:00+08:00) nor a wall time in %s (2026-12-30T16:30)", NowVar, v, loc)
	}
	return t, nil
}

// Now returns where a test's fake clock starts: NowVar's value read by
// ParseNow in loc. A bad value fails the test.
func Now(t testing.TB, loc *time.Location) time.Time {
	t.Helper()
	start, err := ParseNow(os.Getenv(NowVar), loc)
	if err != nil {
		t.Fatal(err)
	}
	return start
}
