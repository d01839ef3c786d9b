package servertest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/server/servertest"
)

func TestParseNow(t *testing.T) {
	sh, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ in, want string }{
		{"", "2025-11-24T09:00:00+08:00"},
		{"2026-12-30T16:30", "2026-12-30T16:30:00+08:00"},
		{"2025-12-31T23:50", "2025-12-31T23:50:00+08:00"},
		{"2026-09-30T08:30:00Z", "2026-09-30T16:30:00+08:00"},
		{"2026-09-30T16:30:05+08:00", "2026-09-30T16:30:05+08:00"},
	} {
		got, err := servertest.ParseNow(c.in, sh)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got.Format(time.RFC3339) != c.want || got.Location() != sh {
			t.Errorf("%q: got %s in %s, want %s in Asia/Shanghai", c.in, got.Format(time.RFC3339), got.Location(), c.want)
		}
	}
	for _, bad := range []string{"2026-12-30", "2026-12-30 16:30", "30/12/2026 16:30", "2026-13-01T09:00", "tomorrow"} {
		_, err := servertest.ParseNow(bad, sh)
		if err == nil || !strings.Contains(err.Error(), servertest.NowVar) || !strings.Contains(err.Error(), bad) {
			t.Errorf("%q: err %v, want one naming %s and the value", bad, err, servertest.NowVar)
		}
	}
	// The default start is a Monday in 2025.
	if d := servertest.DefaultNow; d.Weekday() != time.Monday || d.Year() != 2025 {
		t.Errorf("DefaultNow %v is not a Monday in 2025", d)
	}
}
