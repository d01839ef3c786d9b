package disclosure

import (
	"errors"
	"testing"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

func d(s string) calendar.Date {
	v, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func cal(t *testing.T) *calendar.Calendar {
	c, err := calendar.New(calendar.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ev(kind EventKind, date string) Event { return Event{Kind: kind, Date: d(date)} }

func TestClock(t *testing.T) {
	recv := func(date string) Event { return ev(EventReceived, date) }
	ext := func(date string, days int) Event {
		return Event{Kind: EventExtended, Date: d(date), Days: days, Text: "需要调取档案"}
	}
	reply := func(date string) Event {
		return Event{Kind: EventReplied, Date: d(date), Outcome: OutcomeDisclosed, Text: "予以公开"}
	}
	cases := []struct {
		name    string
		events  []Event
		today   string
		status  Status
		due     string // "" when the clock is stopped
		left    int
		overdue bool
		paused  int
	}{
		// 2026-09-30 is the eve of the National Day holiday (10-01..10-07 off,
		// Saturday 10-10 a make-up working day): day 1 is 10-08.
		{"eve of a holiday", []Event{recv("2026-09-30")}, "2026-09-30", StatusProcessing, "2026-11-03", 20, false, 0},
		{"received on a Friday", []Event{recv("2026-11-20")}, "2026-11-23", StatusProcessing, "2026-12-18", 19, false, 0},
		{"received on a Saturday", []Event{recv("2026-03-07")}, "2026-03-07", StatusProcessing, "2026-04-03", 20, false, 0},
		{"a plain month", []Event{recv("2026-03-02")}, "2026-03-27", StatusProcessing, "2026-03-30", 1, false, 0},
		{"overdue", []Event{recv("2026-03-02")}, "2026-03-31", StatusProcessing, "2026-03-30", -1, true, 0},
		{"awaiting correction: clock stopped", []Event{recv("2026-11-20"), ev(EventCorrectionRequested, "2026-11-25")}, "2026-12-31", StatusCorrection, "", 0, false, 0},
		{"correction restarts the clock", []Event{recv("2026-11-20"), ev(EventCorrectionRequested, "2026-11-25"), ev(EventCorrected, "2026-12-01")}, "2026-12-01", StatusProcessing, "2026-12-29", 20, false, 0},
		{"correction on the 7th working day", []Event{recv("2026-11-20"), ev(EventCorrectionRequested, "2026-12-01"), ev(EventCorrected, "2026-12-01")}, "2026-12-01", StatusProcessing, "2026-12-29", 20, false, 0},
		{"consultation does not count", []Event{recv("2026-11-20"), ev(EventConsultStarted, "2026-11-23"), ev(EventConsultEnded, "2026-11-27")}, "2026-11-27", StatusProcessing, "2026-12-24", 19, false, 4},
		{"open consultation pauses", []Event{recv("2026-03-02"), ev(EventConsultStarted, "2026-03-10")}, "2026-03-13", StatusConsulting, "2026-04-02", 14, false, 0},
		// 15 working days at most; Sunday 09-20 is a make-up working day.
		{"consultation capped at 15", []Event{recv("2026-08-03"), ev(EventConsultStarted, "2026-08-04"), ev(EventConsultEnded, "2026-09-04")}, "2026-09-04", StatusProcessing, "2026-09-20", 11, false, 15},
		{"extension of 20 over Qingming", []Event{recv("2026-03-02"), ext("2026-03-20", 20)}, "2026-03-20", StatusProcessing, "2026-04-28", 26, false, 0},
		{"extension on the last day", []Event{recv("2026-03-02"), ext("2026-03-30", 5)}, "2026-03-30", StatusProcessing, "2026-04-07", 5, false, 0},
		{"replied in time", []Event{recv("2026-03-02"), reply("2026-03-30")}, "2026-05-01", StatusReplied, "2026-03-30", 0, false, 0},
		{"replied late", []Event{recv("2026-03-02"), reply("2026-03-31")}, "2026-05-01", StatusReplied, "2026-03-30", -1, true, 0},
		{"reply ends a consultation", []Event{recv("2026-11-20"), ev(EventConsultStarted, "2026-11-23"), reply("2026-11-27")}, "2026-12-01", StatusReplied, "2026-12-24", 19, false, 4},
		{"abandoned", []Event{recv("2026-11-20"), ev(EventCorrectionRequested, "2026-11-25"), ev(EventAbandoned, "2026-12-20")}, "2026-12-21", StatusAbandoned, "", 0, false, 0},
	}
	c := cal(t)
	for _, tc := range cases {
		st, err := Compute(c, tc.events, d(tc.today))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		due := ""
		if st.Due != nil {
			due = st.Due.String()
		}
		if st.Status != tc.status || due != tc.due || st.DaysLeft != tc.left || st.Overdue != tc.overdue || st.PausedDays != tc.paused {
			t.Errorf("%s: got %s due %q left %d overdue %v paused %d, want %s due %q left %d overdue %v paused %d",
				tc.name, st.Status, due, st.DaysLeft, st.Overdue, st.PausedDays, tc.status, tc.due, tc.left, tc.overdue, tc.paused)
		}
	}
}

func TestClockRefuses(t *testing.T) {
	recv := ev(EventReceived, "2026-03-02")
	ext := func(date string, days int, reason string) Event {
		return Event{Kind: EventExtended, Date: d(date), Days: days, Text: reason}
	}
	cases := []struct {
		name   string
		events []Event
		code   web.Code
	}{
		{"second extension", []Event{recv, ext("2026-03-10", 5, "原因"), ext("2026-03-11", 5, "原因")}, web.CodeInvalidState},
		{"extension over 20 days", []Event{recv, ext("2026-03-10", 21, "原因")}, web.CodeOutOfRange},
		{"extension of 0 days", []Event{recv, ext("2026-03-10", 0, "原因")}, web.CodeOutOfRange},
		{"extension without a reason", []Event{recv, ext("2026-03-10", 5, "")}, web.CodeRequired},
		{"extension after the deadline", []Event{recv, ext("2026-03-31", 5, "原因")}, web.CodeInvalidState},
		{"correction after 7 working days", []Event{recv, ev(EventCorrectionRequested, "2026-03-12")}, web.CodeInvalidState},
		{"second correction", []Event{recv, ev(EventCorrectionRequested, "2026-03-03"), ev(EventCorrected, "2026-03-04"), ev(EventCorrectionRequested, "2026-03-05")}, web.CodeInvalidState},
		{"correction after a consultation", []Event{recv, ev(EventConsultStarted, "2026-03-03"), ev(EventConsultEnded, "2026-03-04"), ev(EventCorrectionRequested, "2026-03-05")}, web.CodeInvalidState},
		{"corrected without a request", []Event{recv, ev(EventCorrected, "2026-03-03")}, web.CodeInvalidState},
		{"reply while awaiting the correction", []Event{recv, ev(EventCorrectionRequested, "2026-03-03"), {Kind: EventReplied, Date: d("2026-03-04"), Outcome: OutcomeNotExist}}, web.CodeInvalidState},
		{"reply with an unknown outcome", []Event{recv, {Kind: EventReplied, Date: d("2026-03-04"), Outcome: "ignored"}}, web.CodeInvalid},
		{"anything after the reply", []Event{recv, {Kind: EventReplied, Date: d("2026-03-04"), Outcome: OutcomeNotExist}, ext("2026-03-05", 5, "原因")}, web.CodeInvalidState},
		{"abandon while processing", []Event{recv, ev(EventAbandoned, "2026-03-04")}, web.CodeInvalidState},
		{"two consultations at once", []Event{recv, ev(EventConsultStarted, "2026-03-03"), ev(EventConsultStarted, "2026-03-04")}, web.CodeInvalidState},
		{"a date before the previous step", []Event{recv, ev(EventConsultStarted, "2026-03-01")}, web.CodeOutOfRange},
		{"received twice", []Event{recv, recv}, web.CodeInvalidState},
	}
	c := cal(t)
	for _, tc := range cases {
		_, err := Compute(c, tc.events, d("2026-03-20"))
		var we *web.Error
		if !errors.As(err, &we) || we.Code != tc.code {
			t.Errorf("%s: got %v, want code %s", tc.name, err, tc.code)
		}
	}
}

func TestClockFailsOutsideTheCalendar(t *testing.T) {
	var nc *calendar.NotCoveredError
	if _, err := Compute(cal(t), []Event{ev(EventReceived, "2026-12-20")}, d("2026-12-21")); !errors.As(err, &nc) {
		t.Fatalf("a deadline in 2027 without its list: %v", err)
	}
}
