package disclosure

import "github.com/hallcast/hallcast/calendar"

// EventKind is what happened to a request.
type EventKind string

// The events of a request.
const (
	EventReceived            EventKind = "received"             // Date: receipt
	EventCorrectionRequested EventKind = "correction_requested" // Text: what to correct
	EventCorrected           EventKind = "corrected"            // Date: corrected application received
	EventConsultStarted      EventKind = "consult_started"      // Text: the third party
	EventConsultEnded        EventKind = "consult_ended"        // Date: its opinion arrived
	EventExtended            EventKind = "extended"             // Days, Text: reason
	EventReplied             EventKind = "replied"              // Outcome, Text
	EventAbandoned           EventKind = "abandoned"            // not corrected in time (第三十条): 视为放弃
)

// Event is one entry of a request's log.
type Event struct {
	Kind    EventKind     `json:"kind"`
	Date    calendar.Date `json:"date"`
	Days    int           `json:"days,omitempty"`
	Outcome Outcome       `json:"outcome,omitempty"`
	Text    string        `json:"text,omitempty"`
}
