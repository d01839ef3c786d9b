package calendar

import (
	"errors"
	"fmt"

	"github.com/hallcast/hallcast/web"
)

// ErrNotCovered is matched (errors.Is) by the error of any computation that
// needs a day of a year for which no holiday list was loaded.
var ErrNotCovered = errors.New("calendar: year not covered by a holiday list")

// NotCoveredError tells which year lacks a holiday list, so that an admin
// can be asked to load it.
type NotCoveredError struct {
	Year int
}

// Error implements error.
func (e *NotCoveredError) Error() string {
	return fmt.Sprintf("calendar: no holiday list loaded for %d", e.Year)
}

// Unwrap makes errors.Is(err, ErrNotCovered) true.
func (e *NotCoveredError) Unwrap() error { return ErrNotCovered }

// API error codes of a list that is not complete (Year.CheckOfficial).
const (
	// CodeFestivalMissing: a festival is not named or lacks statutory days
	// off; Params {"festival": "春节", "missing": ["2027-02-05", ...]}.
	CodeFestivalMissing web.Code = "calendar_festival_missing"
	// CodeMakeUpWeekday: a make-up working day is not a Saturday or
	// Sunday; Params {"date": "2027-02-12"}.
	CodeMakeUpWeekday web.Code = "calendar_makeup_weekday"
)

// listError turns a CheckOfficial error into an API error on "days" that
// names what is missing or wrong.
func listError(err error) error {
	var fe *FestivalError
	var me *MakeUpError
	switch {
	case errors.As(err, &fe):
		missing := make([]string, len(fe.Missing))
		for i, d := range fe.Missing {
			missing[i] = d.String()
		}
		e := web.Invalid("days", CodeFestivalMissing, "%s %d: %s", "the list of", fe.Year, fe.Error())
		e.Params = map[string]any{"festival": fe.Festival, "missing": missing, "year": fe.Year}
		return e
	case errors.As(err, &me):
		e := web.Invalid(fmt.Sprintf("days[%d].isOffDay", me.Index), CodeMakeUpWeekday, "%s", me.Error())
		e.Params = map[string]any{"date": me.Date.String()}
		return e
	}
	return web.Invalid("days", web.CodeInvalid, "%s", err.Error())
}
