package server_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// The tests hold for any start of the fake clock (servertest.ParseNow,
// HALLCAST_TEST_NOW): the dates they expect come from these helpers.

// now is the server's time in the hall's zone.
func now(s *servertest.Server) time.Time { return s.Clock.Now().In(s.Cfg.TimeZone) }

// today is the server's date in the hall's zone.
func today(s *servertest.Server) calendar.Date { return calendar.DateOf(now(s)) }

// periodEnd is the end of n working days (or calendar days) from a
// date by the server's calendar, as every deadline counts them.
func periodEnd(t *testing.T, s *servertest.Server, from calendar.Date, n int, unit calendar.Unit) calendar.Date {
	t.Helper()
	end, err := s.App.Calendar.End(t.Context(), from, calendar.Period{N: n, Unit: unit})
	if err != nil {
		t.Fatalf("%d %s from %s: %v", n, unit, from, err)
	}
	return end
}

// workdaysBetween counts the working days after from up to and including
// to by the server's calendar.
func workdaysBetween(t *testing.T, s *servertest.Server, from, to calendar.Date) int {
	t.Helper()
	cal, err := s.App.Calendar.Calendar(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	n, err := cal.WorkdaysBetween(from, to)
	if err != nil {
		t.Fatalf("working days %s to %s: %v", from, to, err)
	}
	return n
}

// setClockTo moves the fake clock forward to the next time the hall's
// clock shows hh:mm (now, if it does): for tests that need a time of day.
func setClockTo(s *servertest.Server, hh, mm int) time.Time {
	n := now(s)
	at := time.Date(n.Year(), n.Month(), n.Day(), hh, mm, 0, 0, n.Location())
	if at.Before(n) {
		at = at.AddDate(0, 0, 1)
	}
	s.Clock.Set(at)
	return at
}

// setClockToWeekday moves the fake clock forward to the next time the
// hall's clock shows hh:mm on a Monday to Friday.
func setClockToWeekday(s *servertest.Server, hh, mm int) time.Time {
	at := setClockTo(s, hh, mm)
	for at.Weekday() == time.Saturday || at.Weekday() == time.Sunday {
		at = at.AddDate(0, 0, 1)
	}
	s.Clock.Set(at)
	return at
}

// roomToday moves the fake clock forward, if need be, so that the hall's
// day has at least before behind now and after ahead of it: for tests that
// put events around now and read them back as one day's.
func roomToday(s *servertest.Server, before, after time.Duration) {
	n := now(s)
	midnight := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, n.Location())
	if n.Add(after).After(midnight.AddDate(0, 0, 1)) {
		midnight = midnight.AddDate(0, 0, 1)
		n = midnight
	}
	if n.Sub(midnight) < before {
		n = midnight.Add(before)
	}
	if !n.Equal(now(s)) {
		s.Clock.Set(n)
	}
}

// indexNo is the index number of a category's first notice published
// today (the year of the publication in the hall's zone).
func indexNo(s *servertest.Server, code string) string {
	return fmt.Sprintf("%s-%d-00001", code, now(s).Year())
}

// inputValue is the value of the input sel on the page.
func inputValue(b *browsertest.Browser, sel string) string {
	return browsertest.Eval[string](b, fmt.Sprintf(`document.querySelector(%q).value`, sel))
}

// zhDate writes a date as the public pages do: 2026年11月23日.
func zhDate(d calendar.Date) string {
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// zhSpan writes from and to as the pages write a period: 2026年11月23日至2026年12月2日.
func zhSpan(from, to calendar.Date) string { return zhDate(from) + "至" + zhDate(to) }
