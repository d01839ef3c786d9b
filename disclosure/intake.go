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
// starts with the day of receipt (YYMMDD). The applicant's personal data
// is stored sealed, with its masked copies (contact.go).
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
	r := requestRow{TrackingNo: no, ApplicantType: a.ApplicantType, Name: a.Name, IDType: a.IDType, IDNumber: a.IDNumber,
		LegalRep: a.LegalRep, ContactName: a.ContactName, Phone: a.Phone, Email: a.Email, Address: a.Address,
		Description: a.Description, Note: in.note}
	s.mask(&r)
	k, err := s.opts.Keys.Sealing()
	if err != nil {
		return 0, "", err
	}
	sealRow(k, &r)
	var id int64
	err = tx.Get(ctx, &id, `INSERT INTO disclosure_requests (tracking_no, device_id, applicant_type, name, id_type, id_number, org_code,
		legal_rep, contact_name, phone, phone_last4, email, address, postcode, description, doc_ref, form, delivery, status,
		channel, applicant_category, note, seal_key, name_masked, id_masked, phone_masked, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		no, dev, a.ApplicantType, r.Name, a.IDType, r.IDNumber, a.OrgCode, r.LegalRep, r.ContactName,
		r.Phone, a.Phone[len(a.Phone)-4:], r.Email, r.Address, a.Postcode, r.Description, a.DocRef, a.Form, a.Delivery,
		StatusProcessing, in.channel, a.Category(), r.Note, r.SealKey, r.NameMasked, r.IDMasked, r.PhoneMasked, now, now)
	if err != nil {
		return 0, "", fmt.Errorf("insert the request: %w", err)
	}
	if err := insertEvent(ctx, tx, id, Event{Kind: EventReceived, Date: in.received}, in.who, now); err != nil {
		return 0, "", fmt.Errorf("insert the receipt: %w", err)
	}
	tx.Publish(store.Event{Topic: Topic, ID: id, Data: []byte(`{"event":"received"}`)})
	return id, no, nil
}
