package disclosure

import (
	"fmt"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// The R1 clock (条例 第三十、三十二、三十三条), derived from a request's
// event log by Compute, a pure function:
//
//   - the reply is due 20 working days after receipt (the day of receipt
//     does not count);
//   - a correction request (within 7 working days of receipt, once) stops
//     the clock; it starts again, from zero, on the day the corrected
//     application is received;
//   - the time spent consulting a third party, at most 15 working days per
//     consultation, does not count;
//   - one extension of at most 20 working days, with a reason, before the
//     deadline.
const (
	ReplyWorkdays      = 20
	CorrectionWorkdays = 7
	ConsultMaxWorkdays = 15
	ExtensionMaxDays   = 20
)

// refuse is the error of an event the log does not allow.
func refuse(format string, args ...any) error { return web.State(format, args...) }

// Compute replays events (in order; the first is the receipt) and returns
// the state on today. It refuses a log that breaks a rule, so it also
// checks a new event: Compute(append(log, e), ...).
func Compute(cal *calendar.Calendar, events []Event, today calendar.Date) (State, error) {
	var st State
	if len(events) == 0 || events[0].Kind != EventReceived {
		return st, fmt.Errorf("disclosure: a log starts with the receipt")
	}
	for i, e := range events {
		if i > 0 && e.Date.Before(events[i-1].Date) {
			return st, web.Invalid("date", web.CodeOutOfRange, "the date is before the previous step (%s)", events[i-1].Date)
		}
		if err := st.apply(cal, e, i == 0); err != nil {
			return st, err
		}
	}
	return st, st.finish(cal, today)
}

func (st *State) apply(cal *calendar.Calendar, e Event, first bool) error {
	if !first && e.Kind == EventReceived {
		return refuse("the request was already received")
	}
	if st.Status.Closed() {
		return refuse("the request is closed")
	}
	switch e.Kind {
	case EventReceived:
		st.Status, st.ReceivedOn, st.ClockStart = StatusProcessing, e.Date, e.Date
	case EventCorrectionRequested:
		n, err := cal.WorkdaysBetween(st.ReceivedOn, e.Date)
		switch {
		case err != nil:
			return err
		case st.Status != StatusProcessing || st.Corrected || st.ExtensionDays > 0 || st.PausedDays > 0:
			return refuse("a correction can be requested only once, before any consultation or extension")
		case n > CorrectionWorkdays:
			return refuse("a correction must be requested within %d working days of receipt", CorrectionWorkdays)
		}
		st.Status, st.correctionAt = StatusCorrection, e.Date
	case EventCorrected:
		if st.Status != StatusCorrection {
			return refuse("no correction was requested")
		}
		st.Status, st.ClockStart, st.Corrected = StatusProcessing, e.Date, true
	case EventConsultStarted:
		if st.Status != StatusProcessing {
			return refuse("a consultation can start only while the request is processed")
		}
		st.Status, st.consultStart = StatusConsulting, e.Date
	case EventConsultEnded:
		if st.Status != StatusConsulting {
			return refuse("no consultation is open")
		}
		if err := st.endConsult(cal, e.Date); err != nil {
			return err
		}
	case EventExtended:
		return st.extend(cal, e)
	case EventReplied:
		if !e.Outcome.Valid() {
			return web.Invalid("outcome", web.CodeInvalid, "want one of the seven outcomes of 第三十六条")
		}
		if st.Status != StatusProcessing && st.Status != StatusConsulting {
			return refuse("a request awaiting its correction cannot be replied to; close it as abandoned")
		}
		if st.Status == StatusConsulting {
			if err := st.endConsult(cal, e.Date); err != nil {
				return err
			}
		}
		st.Status, st.Outcome, st.ReplyText = StatusReplied, e.Outcome, e.Text
		st.ClosedOn = &e.Date
	case EventAbandoned:
		if st.Status != StatusCorrection {
			return refuse("only a request awaiting its correction can be closed as abandoned")
		}
		st.Status, st.ClosedOn = StatusAbandoned, &e.Date
	default:
		return web.Invalid("kind", web.CodeInvalid, "unknown step %q", e.Kind)
	}
	return nil
}

// consulted counts the working days of a consultation from start to end,
// at most ConsultMaxWorkdays.
func consulted(cal *calendar.Calendar, start, end calendar.Date) (int, error) {
	n, err := cal.WorkdaysBetween(start, end)
	return min(max(n, 0), ConsultMaxWorkdays), err
}

func (st *State) endConsult(cal *calendar.Calendar, end calendar.Date) error {
	n, err := consulted(cal, st.consultStart, end)
	st.PausedDays += n
	st.Status = StatusProcessing
	return err
}

func (st *State) extend(cal *calendar.Calendar, e Event) error {
	switch {
	case st.ExtensionDays > 0:
		return refuse("the deadline was already extended once")
	case e.Days < 1 || e.Days > ExtensionMaxDays:
		return web.Invalid("days", web.CodeOutOfRange, "an extension is 1 to %d working days", ExtensionMaxDays)
	case e.Text == "":
		return web.Invalid("text", web.CodeRequired, "give the reason for the extension")
	case st.Status != StatusProcessing && st.Status != StatusConsulting:
		return refuse("the deadline can be extended only while the request is processed")
	}
	due, err := st.due(cal, e.Date)
	if err != nil {
		return err
	}
	if e.Date.After(due) {
		return refuse("the deadline %s has passed; it can no longer be extended", due)
	}
	st.ExtensionDays = e.Days
	return nil
}

// due is the deadline as it stands on day, counting an open consultation
// up to day.
func (st *State) due(cal *calendar.Calendar, day calendar.Date) (calendar.Date, error) {
	paused := st.PausedDays
	if st.Status == StatusConsulting {
		n, err := consulted(cal, st.consultStart, day)
		if err != nil {
			return calendar.Date{}, err
		}
		paused += n
	}
	return cal.AddWorkdays(st.ClockStart, ReplyWorkdays+st.ExtensionDays+paused)
}

// finish fills Due, DaysLeft and Overdue for today.
func (st *State) finish(cal *calendar.Calendar, today calendar.Date) error {
	if st.Status == StatusCorrection || st.Status == StatusAbandoned {
		return nil
	}
	day := today
	if st.ClosedOn != nil {
		day = *st.ClosedOn
	}
	due, err := st.due(cal, day)
	if err != nil {
		return err
	}
	left, err := cal.WorkdaysBetween(day, due)
	if err != nil {
		return err
	}
	last := due
	if day.After(due) {
		last = day
	}
	st.Due, st.DaysLeft, st.Overdue = &due, left, day.After(due)
	st.Provisional = cal.Provisional(st.ReceivedOn, last)
	return nil
}
