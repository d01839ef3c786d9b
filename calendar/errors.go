package calendar

import (
	"errors"
	"fmt"
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
