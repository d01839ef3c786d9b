package disclosure

import (
	"context"
	"crypto/subtle"
	"strings"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// PublicStatus is what the applicant sees at the kiosk: no personal data.
type PublicStatus struct {
	TrackingNo   string         `json:"tracking_no"`
	ReceivedOn   calendar.Date  `json:"received_on"`
	Status       Status         `json:"status"`
	Due          *calendar.Date `json:"due,omitempty"`
	DaysLeft     int            `json:"days_left"`
	Provisional  bool           `json:"provisional"`
	Extended     bool           `json:"extended"`
	ClosedOn     *calendar.Date `json:"closed_on,omitempty"`
	Outcome      Outcome        `json:"outcome,omitempty"`
	OutcomeLabel string         `json:"outcome_label,omitempty"`
	Reply        string         `json:"reply,omitempty"`
}

// notFound is the one answer to a wrong tracking number and to wrong
// digits alike, so a lookup reveals nothing about other requests.
func notFound() error { return web.NotFound("request") }

// Lookup finds a request by its tracking number and the last four digits
// of the applicant's phone.
func (s *Service) Lookup(ctx context.Context, trackingNo, last4 string) (*PublicStatus, error) {
	trackingNo, last4 = digits(trackingNo), digits(last4)
	if len(trackingNo) != 12 || len(last4) != 4 {
		return nil, notFound()
	}
	var r struct {
		ID    int64  `db:"id"`
		Last4 string `db:"phone_last4"`
	}
	err := s.db.Get(ctx, &r, "SELECT id, phone_last4 FROM disclosure_requests WHERE tracking_no = ?", trackingNo)
	if store.IsNotFound(err) {
		subtle.ConstantTimeCompare([]byte(last4), []byte("0000"))
		return nil, notFound()
	}
	if err != nil {
		return nil, wrap("look up a request", err)
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(r.Last4)), []byte(last4)) != 1 {
		return nil, notFound()
	}
	cal, err := s.calendar(ctx)
	if err != nil {
		return nil, err
	}
	log, err := logOf(ctx, s.db, r.ID)
	if err != nil {
		return nil, wrap("look up a request", err)
	}
	st, err := Compute(cal, events(log), s.today())
	if err != nil {
		return nil, wrap("compute a deadline", err)
	}
	ps := &PublicStatus{TrackingNo: trackingNo, ReceivedOn: st.ReceivedOn, Status: st.Status, Due: st.Due, DaysLeft: st.DaysLeft,
		Provisional: st.Provisional, Extended: st.ExtensionDays > 0, ClosedOn: st.ClosedOn, Outcome: st.Outcome, Reply: st.ReplyText}
	if st.Outcome != "" {
		ps.OutcomeLabel = st.Outcome.Label()
	}
	return ps, nil
}
