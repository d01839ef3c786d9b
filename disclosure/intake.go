package disclosure

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
)

// intake is a new request as it is stored, whichever way it came: the
// checked application, its channel and day of receipt, who recorded it.
type intake struct {
	app      Application
	channel  Channel
	received calendar.Date
	deviceID int64 // the kiosk, 0 for none
	note     string
	who      audit.Actor
}

// insertRequest stores a new request with its receipt event (the first of
// its log) and returns its ID and tracking number. The tracking number
// starts with the day of receipt (YYMMDD).
func (s *Service) insertRequest(ctx context.Context, tx *store.Tx, in intake, now time.Time) (int64, string, error) {
	var no string
	for range 10 {
		no = trackingNo(in.received.In(s.opts.Location).Format("060102"))
		var n int
		if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM disclosure_requests WHERE tracking_no = ?", no); err != nil {
			return 0, "", err
		}
		if n == 0 {
			break
		}
	}
	var dev any
	if in.deviceID != 0 {
		dev = in.deviceID
	}
	a := in.app
	var id int64
	err := tx.Get(ctx, &id, `INSERT INTO disclosure_requests (tracking_no, device_id, applicant_type, name, id_type, id_number, org_code,
		legal_rep, contact_name, phone, phone_last4, email, address, postcode, description, doc_ref, form, delivery, status,
		channel, applicant_category, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		no, dev, a.ApplicantType, a.Name, a.IDType, a.IDNumber, a.OrgCode, a.LegalRep, a.ContactName,
		a.Phone, a.Phone[len(a.Phone)-4:], a.Email, a.Address, a.Postcode, a.Description, a.DocRef, a.Form, a.Delivery,
		StatusProcessing, in.channel, a.Category(), in.note, now, now)
	if err != nil {
		return 0, "", fmt.Errorf("insert the request: %w", err)
	}
	if err := insertEvent(ctx, tx, id, Event{Kind: EventReceived, Date: in.received}, in.who, now); err != nil {
		return 0, "", fmt.Errorf("insert the receipt: %w", err)
	}
	tx.Publish(store.Event{Topic: Topic, ID: id, Data: []byte(`{"event":"received"}`)})
	return id, no, nil
}
