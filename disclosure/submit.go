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
// 0 for none) and starts its clock. Its channel is ChannelKiosk: received
// the day it is submitted.
func (s *Service) Submit(ctx context.Context, deviceID int64, a Application) (*Receipt, error) {
	if err := a.check(); err != nil {
		return nil, err
	}
	cal, err := s.calendar(ctx)
	if err != nil {
		return nil, err
	}
	today, now := s.today(), s.opts.Clock.Now()
	st, err := Compute(cal, []Event{{Kind: EventReceived, Date: today}}, today)
	if err != nil {
		return nil, wrap("compute the deadline", err)
	}
	r := &Receipt{ReceivedOn: today, Due: *st.Due, Provisional: st.Provisional, Name: s.opts.Policy.MaskName(a.Name), PhoneMasked: s.maskPhone(a.Phone)}
	in := intake{app: a, channel: ChannelKiosk, received: today, deviceID: deviceID, who: audit.Actor{Name: "kiosk"}}
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		_, r.TrackingNo, err = s.insertRequest(ctx, tx, in, now)
		return err
	})
	if err != nil {
		return nil, wrap("submit a request", err)
	}
	s.opts.Logger.Info("disclosure: request received", "device", deviceID, "channel", ChannelKiosk)
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
