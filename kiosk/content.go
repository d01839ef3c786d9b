package kiosk

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/calendar"
)

// Content is the read side of the published notices and the catalogue
// that the kiosk shows. The notice service provides it (through an adapter
// in server); MemoryContent stands in for it in tests. Only published and
// expired notices are ever returned.
type Content interface {
	// Categories lists the catalogue categories, in display order.
	Categories(ctx context.Context) ([]Category, error)
	// Notices lists the public notices of a category (0: all) and kind
	// ("" for all; KindGuide for service guides), newest first, with the
	// total count.
	Notices(ctx context.Context, categoryID int64, kind string, page, perPage int) ([]Summary, int, error)
	// Notice returns one public notice, or nil when there is none.
	Notice(ctx context.Context, id int64) (*Notice, error)
}

// Notice kinds the kiosk treats specially.
const (
	KindGuide          = "guide"          // 办事指南: structured fields
	KindInterpretation = "interpretation" // 政策解读
)

// Category is a catalogue category.
type Category struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Summary is a notice in a list.
type Summary struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"`
	Title       string    `json:"title"`
	CategoryID  int64     `json:"category_id"`
	Category    string    `json:"category"`
	IndexNo     string    `json:"index_no"`
	PublishedAt time.Time `json:"published_at"`
	// Status is "published" or "expired".
	Status string `json:"status"`
	// NoticeEnd is the last day of the 公示 period, if the notice has one.
	NoticeEnd *calendar.Date `json:"notice_end,omitempty"`
	// WorkdaysLeft is filled in by the kiosk API from the calendar.
	WorkdaysLeft *int `json:"workdays_left,omitempty"`
	// EndProvisional says NoticeEnd or WorkdaysLeft rely on a year without
	// the State Council's holiday list (shown as 预计).
	EndProvisional bool      `json:"notice_end_provisional,omitempty"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Notice is one notice with its content.
type Notice struct {
	Summary
	// HTML is the sanitised body; Text the same as plain text.
	HTML        string       `json:"html"`
	Text        string       `json:"-"`
	Attachments []Attachment `json:"attachments"`
	// Interpretations are the linked 政策解读 (or, for an interpretation,
	// the policy it explains).
	Interpretations []Link `json:"interpretations"`
	// Fields are a service guide's structured fields, in order.
	Fields []Field `json:"fields,omitempty"`
}

// Attachment is a file of a notice, served at its public URL.
type Attachment struct {
	Name        string `json:"name"`
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
}

// Link names another notice.
type Link struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

// Field is one labelled part of a service guide (办理条件, 申请材料, ...).
type Field struct {
	Label string `json:"label"`
	Value string `json:"value"`
}
