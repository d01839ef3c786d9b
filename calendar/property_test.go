package calendar

import (
	"errors"
	"testing"
)

// TestRoundTripProperty checks, for every day of the covered years and
// every n in -40..40, that AddWorkdays lands on a working day (n != 0),
// that no working day is skipped, and that WorkdaysBetween undoes it. A
// computation that would need 2024 or 2027 must fail with ErrNotCovered.
func TestRoundTripProperty(t *testing.T) {
	c := builtinCalendar(t)
	checked, uncovered := 0, 0
	for d := date("2025-01-01"); d.Year <= 2026; d = d.AddDays(1) {
		for n := -40; n <= 40; n++ {
			end, err := c.AddWorkdays(d, n)
			if err != nil {
				if !errors.Is(err, ErrNotCovered) {
					t.Fatalf("AddWorkdays(%s, %d): %v", d, n, err)
				}
				uncovered++
				continue
			}
			between, err := c.WorkdaysBetween(d, end)
			if err != nil || between != n {
				t.Fatalf("WorkdaysBetween(%s, AddWorkdays(%s, %d) = %s) = %d, %v", d, d, n, end, between, err)
			}
			if n == 0 {
				continue
			}
			if ok, _ := c.IsWorkday(end); !ok {
				t.Fatalf("AddWorkdays(%s, %d) = %s is not a working day", d, n, end)
			}
			if n > 0 {
				// The result is the first date reaching n: one day earlier is n-1.
				if prev, _ := c.WorkdaysBetween(d, end.AddDays(-1)); prev != n-1 {
					t.Fatalf("AddWorkdays(%s, %d) = %s skips a working day", d, n, end)
				}
			}
			checked++
		}
	}
	if checked < 50000 || uncovered == 0 {
		t.Errorf("checked %d, uncovered %d: the property ran on too little", checked, uncovered)
	}
}
