package calendar

import "testing"

// date parses a test date literal; a typo is a bug in the test.
func date(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// builtinCalendar returns a strict Calendar of the embedded 2025 and 2026 lists.
func builtinCalendar(t testing.TB, opts ...Option) *Calendar {
	t.Helper()
	c, err := New(Builtin(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
