package disclosure

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

type requestRow struct {
	ID            int64     `db:"id"`
	TrackingNo    string    `db:"tracking_no"`
	DeviceID      *int64    `db:"device_id"`
	ApplicantType string    `db:"applicant_type"`
	Name          string    `db:"name"`
	IDType        string    `db:"id_type"`
	IDNumber      string    `db:"id_number"`
	OrgCode       string    `db:"org_code"`
	LegalRep      string    `db:"legal_rep"`
	ContactName   string    `db:"contact_name"`
	Phone         string    `db:"phone"`
	Email         string    `db:"email"`
	Address       string    `db:"address"`
	Postcode      string    `db:"postcode"`
	Description   string    `db:"description"`
	DocRef        string    `db:"doc_ref"`
	Form          string    `db:"form"`
	Delivery      string    `db:"delivery"`
	Status        string    `db:"status"`
	AssigneeID    *int64    `db:"assignee_id"`
	CreatedAt     time.Time `db:"created_at"`
	Channel       string    `db:"channel"`
	Category      string    `db:"applicant_category"`
	Note          string    `db:"note"`
	SealKey       string    `db:"seal_key"`
	NameMasked    string    `db:"name_masked"`
	IDMasked      string    `db:"id_masked"`
	PhoneMasked   string    `db:"phone_masked"`
}

const requestColumns = `id, tracking_no, device_id, applicant_type, name, id_type, id_number, org_code, legal_rep, contact_name,
	phone, email, address, postcode, description, doc_ref, form, delivery, status, assignee_id, created_at,
	channel, applicant_category, note, seal_key, name_masked, id_masked, phone_masked`

// Request is a request as admins see it: personal numbers masked (R6),
// its log and its clock today, with the due-soon flag. In a list, Name is
// the masked copy and the applicant's contact details and description are
// left out (nothing sealed is opened); the detail of one request (Get)
// has them in full, but never the ID number or the phone (contact.go).
type Request struct {
	ID            int64     `json:"id"`
	TrackingNo    string    `json:"tracking_no"`
	DeviceID      *int64    `json:"device_id,omitempty"`
	ApplicantType string    `json:"applicant_type"`
	Name          string    `json:"name"`
	IDType        string    `json:"id_type,omitempty"`
	IDMasked      string    `json:"id_masked,omitempty"`
	OrgCode       string    `json:"org_code,omitempty"`
	LegalRep      string    `json:"legal_rep,omitempty"`
	ContactName   string    `json:"contact_name,omitempty"`
	PhoneMasked   string    `json:"phone_masked"`
	Email         string    `json:"email,omitempty"`
	Address       string    `json:"address,omitempty"`
	Postcode      string    `json:"postcode,omitempty"`
	Description   string    `json:"description,omitempty"`
	DocRef        string    `json:"doc_ref,omitempty"`
	Form          string    `json:"form"`
	Delivery      string    `json:"delivery"`
	AssigneeID    *int64    `json:"assignee_id,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
	State         State     `json:"state"`
	DueSoon       bool      `json:"due_soon"`
	// CalendarError says why the deadline could not be computed (a
	// receipt in a year before the statutory rules without a list); the
	// request is still listed.
	CalendarError string     `json:"calendar_error,omitempty"`
	Log           []LogEntry `json:"log,omitempty"`

	// ApplicantCategory is the annual report's applicant type (Category).
	ApplicantCategory Category `json:"applicant_category"`
	// Channel is how the application arrived; it fixed the receipt date.
	Channel Channel `json:"channel"`
	// Note is the staff's note at registration.
	Note string `json:"note,omitempty"`
	// The detail of one request (Get) only: the scanned application, what
	// kind of day the receipt was, and the corrections of its date.
	Scan        *ScanInfo           `json:"scan,omitempty"`
	ReceivedDay *ReceiptDay         `json:"received_day,omitempty"`
	Corrections []ReceiptCorrection `json:"receipt_corrections,omitempty"`
}

// view is the request of a list: the masked copies, nothing opened.
func (s *Service) view(r requestRow, log []LogEntry, st State, soon int) Request {
	v := Request{ID: r.ID, TrackingNo: r.TrackingNo, DeviceID: r.DeviceID, ApplicantType: r.ApplicantType, Name: r.NameMasked,
		IDType: r.IDType, IDMasked: r.IDMasked, OrgCode: r.OrgCode, PhoneMasked: r.PhoneMasked, Postcode: r.Postcode,
		DocRef: r.DocRef, Form: r.Form, Delivery: r.Delivery, AssigneeID: r.AssigneeID,
		CreatedAt: r.CreatedAt, State: st, Log: log,
		ApplicantCategory: Category(r.Category), Channel: Channel(r.Channel)}
	v.DueSoon = !st.Status.Closed() && st.Due != nil && !st.Overdue && st.DaysLeft <= soon
	return v
}

// Get returns one request with its log.
func (s *Service) Get(ctx context.Context, id int64) (*Request, error) {
	var r requestRow
	if err := s.db.Get(ctx, &r, "SELECT "+requestColumns+" FROM disclosure_requests WHERE id = ?", id); err != nil {
		if store.IsNotFound(err) {
			return nil, web.NotFound("request")
		}
		return nil, wrap("read a request", err)
	}
	cal, err := s.calendar(ctx)
	if err != nil {
		return nil, err
	}
	log, err := logOf(ctx, s.db, id)
	if err != nil {
		return nil, wrap("read a request", err)
	}
	st, calErr, err := s.state(cal, r, log, s.today())
	if err != nil {
		return nil, err
	}
	v := s.view(r, log, st, s.opts.DueSoonDays(ctx))
	v.CalendarError = calErr
	if err := s.openRow(&r, false); err != nil {
		return nil, wrap("read a request", err)
	}
	v.Name, v.LegalRep, v.ContactName, v.Email, v.Address = r.Name, r.LegalRep, r.ContactName, r.Email, r.Address
	v.Description, v.Note = r.Description, r.Note
	if err := s.detail(ctx, cal, &v); err != nil {
		return nil, wrap("read a request", err)
	}
	return &v, nil
}

// List returns the open requests (all when all is true, newest first,
// at most 500), each with its clock today, most urgent first when open.
func (s *Service) List(ctx context.Context, all bool) ([]Request, error) {
	q := "SELECT " + requestColumns + " FROM disclosure_requests"
	if !all {
		q += " WHERE status NOT IN ('replied', 'abandoned')"
	}
	var rows []requestRow
	if err := s.db.Select(ctx, &rows, q+" ORDER BY id DESC LIMIT 500"); err != nil {
		return nil, wrap("list requests", err)
	}
	cal, err := s.calendar(ctx)
	if err != nil {
		return nil, err
	}
	today, soon := s.today(), s.opts.DueSoonDays(ctx)
	out := make([]Request, 0, len(rows))
	for _, r := range rows {
		log, err := logOf(ctx, s.db, r.ID)
		if err != nil {
			return nil, wrap("list requests", err)
		}
		st, calErr, err := s.state(cal, r, log, today)
		if err != nil {
			return nil, err
		}
		v := s.view(r, nil, st, soon)
		v.CalendarError = calErr
		out = append(out, v)
	}
	if !all {
		sortUrgent(out)
	}
	return out, nil
}

// state computes the clock of a request on today. A year the calendar
// cannot count (before the statutory rules, without a list) does not hide
// the request: its state is the stored status without a deadline, and the
// reason is returned as calErr.
func (s *Service) state(cal *calendar.Calendar, r requestRow, log []LogEntry, today calendar.Date) (st State, calErr string, err error) {
	st, err = Compute(cal, events(log), today)
	var nc *calendar.NotCoveredError
	if errors.As(err, &nc) {
		st = State{Status: Status(r.Status)}
		if len(log) > 0 {
			st.ReceivedOn, st.ClockStart = log[0].Date, log[0].Date
		}
		return st, fmt.Sprintf("no holiday list for %d: import it on the calendar page", nc.Year), nil
	}
	if err != nil {
		return st, "", wrap("compute a deadline", err)
	}
	return st, "", nil
}

// Summary counts open requests for the dashboard.
type Summary struct {
	Open    int `json:"open"`
	DueSoon int `json:"due_soon"`
	Overdue int `json:"overdue"`
}

// Summarize counts the open, due-soon and overdue requests.
func (s *Service) Summarize(ctx context.Context) (*Summary, error) {
	list, err := s.List(ctx, false)
	if err != nil {
		return nil, err
	}
	var sum Summary
	for _, r := range list {
		sum.Open++
		if r.DueSoon {
			sum.DueSoon++
		}
		if r.State.Overdue {
			sum.Overdue++
		}
	}
	return &sum, nil
}

func sortUrgent(list []Request) {
	key := func(r Request) calendar.Date {
		if r.State.Due == nil {
			return calendar.Date{Year: 9999, Month: 12, Day: 31}
		}
		return *r.State.Due
	}
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && key(list[j]).Before(key(list[j-1])); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}
