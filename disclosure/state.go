package disclosure

import "github.com/hallcast/hallcast/calendar"

// Status is where a request stands.
type Status string

// The statuses of a request.
const (
	StatusProcessing Status = "processing"
	StatusCorrection Status = "awaiting_correction"
	StatusConsulting Status = "consulting"
	StatusReplied    Status = "replied"
	StatusAbandoned  Status = "abandoned"
)

// Closed reports whether nothing more happens to the request.
func (s Status) Closed() bool { return s == StatusReplied || s == StatusAbandoned }

// State is the clock of a request on a given day.
type State struct {
	Status     Status        `json:"status"`
	ReceivedOn calendar.Date `json:"received_on"`
	// ClockStart is the receipt, or the receipt of the corrected application.
	ClockStart calendar.Date `json:"clock_start"`
	// Due is the last day to reply; zero while awaiting a correction.
	Due           *calendar.Date `json:"due,omitempty"`
	ExtensionDays int            `json:"extension_days"`
	PausedDays    int            `json:"paused_days"`
	Corrected     bool           `json:"corrected"`
	// DaysLeft counts the working days from today to Due (negative when
	// overdue); for a closed request, from its closing to Due.
	DaysLeft int  `json:"days_left"`
	Overdue  bool `json:"overdue"`
	// Provisional says Due relies on a year without the State Council's
	// holiday list (R3): it is shown as 预计 and recomputed when the list
	// is imported.
	Provisional bool           `json:"provisional"`
	ClosedOn    *calendar.Date `json:"closed_on,omitempty"`
	Outcome     Outcome        `json:"outcome,omitempty"`
	ReplyText   string         `json:"reply_text,omitempty"`
	// consultStart is the start of the open consultation.
	consultStart calendar.Date
	correctionAt calendar.Date
}
