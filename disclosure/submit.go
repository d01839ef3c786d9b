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
	return s.submit(ctx, ChannelKiosk, deviceID, audit.Actor{Name: "kiosk"}, a)
}

// SubmitOnline records a new application filled in on the public web
// edition's form and starts its clock; its channel is ChannelOnline.
// 条例 第三十一条（三）: "申请人通过互联网渠道……提交政府信息公开申请的，以双方
// 确认之日为收到申请之日". On the web form both sides confirm at once: the
// applicant by submitting the checked form, the office by answering it
// with the tracking number and the due date on the receipt page. So the
// day of receipt is the day it is submitted and the receipt is shown
// (today on the server's clock, in the hall's time zone), as for the
// kiosk; the form and its rules are the kiosk's (Application).
func (s *Service) SubmitOnline(ctx context.Context, a Application) (*Receipt, error) {
	return s.submit(ctx, ChannelOnline, 0, audit.Actor{Name: "web"}, a)
}

// submit records an application received today through ch.
func (s *Service) submit(ctx context.Context, ch Channel, deviceID int64, who audit.Actor, a Application) (*Receipt, error) {
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
	in := intake{app: a, channel: ch, received: today, deviceID: deviceID, who: who}
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		_, r.TrackingNo, err = s.insertRequest(ctx, tx, in, now)
		return err
	})
	if err != nil {
		return nil, wrap("submit a request", err)
	}
	s.opts.Logger.Info("disclosure: request received", "device", deviceID, "channel", ch)
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
