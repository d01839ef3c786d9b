package archive

import "encoding/json"

// Reason is the stable code of a problem with one imported row.
type Reason string

// The reasons a row is refused or skipped.
const (
	ReasonParse      Reason = "parse"       // the CSV line cannot be read (e.g. a stray quote)
	ReasonEncoding   Reason = "encoding"    // bytes that are not text in the file's encoding
	ReasonColumns    Reason = "columns"     // a different number of columns than the header
	ReasonRequired   Reason = "required"    // a required value is empty
	ReasonKeyMissing Reason = "key_missing" // a key's value is empty
	ReasonKeyShort   Reason = "key_short"   // shorter than the characters the key takes
	ReasonKeyChars   Reason = "key_chars"   // characters that the keypad cannot type
	ReasonInvalidID  Reason = "invalid_id"  // not a valid ID number (check digit, birth date)
	ReasonTooLong    Reason = "too_long"    // a value longer than 500 characters
	ReasonDuplicate  Reason = "duplicate"   // the same row is already in the file or the dataset
)

// Problem is one row that was not imported, or was a duplicate. It never
// holds the row's values.
type Problem struct {
	// Row is the row number as a spreadsheet shows it (the header is row 1).
	Row int `json:"row"`
	// Column is the column header the problem is in, if one.
	Column string `json:"column,omitempty"`
	Reason Reason `json:"reason"`
	// Detail says more, in English (e.g. "8 columns, the header has 9").
	Detail string `json:"detail,omitempty"`
	// SameAs is the earlier row a duplicate repeats, in this file, when known.
	SameAs int `json:"same_as,omitempty"`
	// SameImport is the earlier import a duplicate repeats, when known.
	SameImport int64 `json:"same_import,omitempty"`
}

// maxProblems bounds the problems kept in a report; beyond it only the
// counts grow.
const maxProblems = 1000

// Report collects an import's problems, up to maxProblems of them.
type Report struct {
	Problems []Problem `json:"problems"`
	// Truncated is how many problems were counted but not listed.
	Truncated int `json:"truncated,omitempty"`
}

// add records a problem, or only counts it once the report is full.
func (r *Report) add(p Problem) {
	if len(r.Problems) >= maxProblems {
		r.Truncated++
		return
	}
	r.Problems = append(r.Problems, p)
}

// full reports whether further problems are only counted.
func (r *Report) full() bool { return len(r.Problems) >= maxProblems }

// encode returns the report as JSON, with an empty list rather than null.
func (r Report) encode() string {
	if r.Problems == nil {
		r.Problems = []Problem{}
	}
	b, _ := json.Marshal(r)
	return string(b)
}
