package scheduler_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/scheduler"
)

func TestParseRefusesBadExpressionsSayingWhy(t *testing.T) {
	cases := map[string]string{
		"":                      "empty",
		"* * *":                 "fields",
		"61 * * * *":            "above maximum",
		"0 25 * * *":            "above maximum",
		"0 3 * * MOON":          "MOON",
		"@every 10ms":           "at least 1s",
		"CRON_TZ=UTC * * * * *": "time zone",
	}
	for spec, want := range cases {
		_, err := scheduler.Parse(spec)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want an error mentioning %q", spec, err, want)
		}
	}
}

func TestNextRunsInTheConfiguredZone(t *testing.T) {
	sh, _ := time.LoadLocation("Asia/Shanghai")
	s, err := scheduler.Parse("0 3 * * *")
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC) // 10:00 in Shanghai
	runs := scheduler.NextRuns(s, from, sh, 5)
	if len(runs) != 5 {
		t.Fatalf("%d runs", len(runs))
	}
	want := time.Date(2026, 11, 24, 3, 0, 0, 0, sh)
	if !runs[0].Equal(want) || runs[0].Location() != sh || !runs[4].Equal(want.AddDate(0, 0, 4)) {
		t.Fatalf("runs %v, want from %v", runs, want)
	}
	s, _ = scheduler.Parse("*/15 * * * * *")
	runs = scheduler.NextRuns(s, time.Date(2026, 1, 1, 0, 0, 1, 0, sh), sh, 2)
	if runs[0].Second() != 15 || runs[1].Second() != 30 {
		t.Fatalf("seconds field: %v", runs)
	}
}

func TestDescribe(t *testing.T) {
	zh, en := scheduler.Describe("0 3 * * *")
	if !strings.Contains(zh, "03:00") || !strings.Contains(en, "03:00") {
		t.Fatalf("describe: %q %q", zh, en)
	}
	if zh, _ := scheduler.Describe("@daily"); zh != "每天 00:00" {
		t.Fatalf("@daily: %q", zh)
	}
}
