package disclosure

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
)

// Receipt is what the applicant sees after submitting: the tracking
// number and the deadline, and their own details masked.
type Receipt struct {
	TrackingNo  string        `json:"tracking_no"`
	ReceivedOn  calendar.Date `json:"received_on"`
	Due         calendar.Date `json:"due"`
	Name        string        `json:"name"`
	PhoneMasked string        `json:"phone_masked"`
	// Provisional says Due relies on a year without the State Council's
	// holiday list: the receipt says 预计.
	Provisional bool `json:"provisional"`
}

// Submit records a new application received today from a kiosk (deviceID,
// 0 for none) and starts its clock.
func (s *Service) Submit(ctx context.Context, deviceID int64, a Application) (*Receipt, error) {
	if err := a.check(); err != nil {
		return nil, err
	}
	cal, err := s.calendar(ctx)
	if err != nil {
		return nil, err
	}
	today, now := s.today(), s.opts.Clock.Now()
	received := Event{Kind: EventReceived, Date: today}
	st, err := Compute(cal, []Event{received}, today)
	if err != nil {
		return nil, wrap("compute the deadline", err)
	}
	var dev any
	if deviceID != 0 {
		dev = deviceID
	}
	r := &Receipt{ReceivedOn: today, Due: *st.Due, Provisional: st.Provisional, Name: s.opts.Policy.MaskName(a.Name), PhoneMasked: s.maskPhone(a.Phone)}
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		var id int64
		for range 10 {
			r.TrackingNo = trackingNo(s.opts.Clock.Now().In(s.opts.Location).Format("060102"))
			var n int
			if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM disclosure_requests WHERE tracking_no = ?", r.TrackingNo); err != nil {
				return err
			}
			if n == 0 {
				break
			}
		}
		err := tx.Get(ctx, &id, `INSERT INTO disclosure_requests (tracking_no, device_id, applicant_type, name, id_type, id_number, org_code,
			legal_rep, contact_name, phone, phone_last4, email, address, postcode, description, doc_ref, form, delivery, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			r.TrackingNo, dev, a.ApplicantType, a.Name, a.IDType, a.IDNumber, a.OrgCode, a.LegalRep, a.ContactName,
			a.Phone, a.Phone[len(a.Phone)-4:], a.Email, a.Address, a.Postcode, a.Description, a.DocRef, a.Form, a.Delivery,
			StatusProcessing, now, now)
		if err != nil {
			return err
		}
		if err := insertEvent(ctx, tx, id, received, audit.Actor{Name: "kiosk"}, now); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id, Data: []byte(`{"event":"received"}`)})
		return nil
	})
	if err != nil {
		return nil, wrap("submit a request", err)
	}
	s.opts.Logger.Info("disclosure: request received", "device", deviceID)
	return r, nil
}

// maskPhone masks a mobile or fixed-line number with the mobile rule
// (by default the first 3 and last 4 digits stay).
func (s *Service) maskPhone(p string) string { return s.opts.Policy.Mask(privacy.KindMobile, p) }

// trackingNo is the date (YYMMDD) and six random digits: not guessable
// from another applicant's number.
func trackingNo(date string) string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000))
	return fmt.Sprintf("%s%06d", date, n.Int64())
}
