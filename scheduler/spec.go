package scheduler

import (
	"fmt"
	"strings"
	"time"

	descriptor "github.com/lnquy/cron"
	"github.com/robfig/cron/v3"
)

// parser reads 5-field cron expressions (minute hour day month weekday),
// 6-field ones with a leading seconds field, and @daily-style descriptors.
var parser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// Parse checks a cron expression and returns its schedule. Errors say what
// is wrong in words an admin can act on.
func Parse(spec string) (cron.Schedule, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return nil, fmt.Errorf("empty: write 5 fields (minute hour day month weekday), 6 with seconds first, or @daily / @every 1h")
	}
	if strings.HasPrefix(spec, "CRON_TZ=") || strings.HasPrefix(spec, "TZ=") {
		return nil, fmt.Errorf("remove the time zone prefix: jobs run in the server's configured zone")
	}
	s, err := parser.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("%v (want 5 fields: minute hour day-of-month month day-of-week, or 6 with seconds first; e.g. \"0 3 * * *\" is 03:00 every day)", err)
	}
	if every, ok := strings.CutPrefix(spec, "@every "); ok {
		if d, err := time.ParseDuration(strings.TrimSpace(every)); err == nil && d < time.Second {
			return nil, fmt.Errorf("@every must be at least 1s")
		}
	}
	return s, nil
}

// NextRuns returns the next n activations after from, in loc.
func NextRuns(s cron.Schedule, from time.Time, loc *time.Location, n int) []time.Time {
	out := make([]time.Time, 0, n)
	t := from.In(loc)
	for range n {
		t = s.Next(t)
		if t.IsZero() {
			break
		}
		out = append(out, t)
	}
	return out
}

var describer, _ = descriptor.NewDescriptor(descriptor.Use24HourTimeFormat(true),
	descriptor.SetLocales(descriptor.Locale_zh_CN, descriptor.Locale_en))

var descriptors = map[string][2]string{
	"@yearly": {"每年 1 月 1 日 00:00", "At 00:00 on 1 January"}, "@annually": {"每年 1 月 1 日 00:00", "At 00:00 on 1 January"},
	"@monthly": {"每月 1 日 00:00", "At 00:00 on day 1 of the month"}, "@weekly": {"每周日 00:00", "At 00:00 on Sunday"},
	"@daily": {"每天 00:00", "At 00:00 every day"}, "@midnight": {"每天 00:00", "At 00:00 every day"},
	"@hourly": {"每小时整点", "Every hour, on the hour"},
}

// Describe reads a valid expression aloud in Chinese and English.
func Describe(spec string) (zh, en string) {
	spec = strings.TrimSpace(spec)
	if d, ok := descriptors[spec]; ok {
		return d[0], d[1]
	}
	if every, ok := strings.CutPrefix(spec, "@every "); ok {
		return "每隔 " + every, "Every " + every
	}
	zh, err := describer.ToDescription(spec, descriptor.Locale_zh_CN)
	if err != nil {
		zh = spec
	}
	en, err = describer.ToDescription(spec, descriptor.Locale_en)
	if err != nil {
		en = spec
	}
	return zh, en
}
