package suggestion

import (
	"context"
	"strings"
	"time"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Input is what the citizen types.
type Input struct {
	Category string `json:"category"`
	Body     string `json:"body"`
	Phone    string `json:"phone"`
}

// Receipt is shown and printed after submitting. QueryCode is set when no
// phone was given: with the tracking number it is what looks the reply up.
type Receipt struct {
	TrackingNo  string    `json:"tracking_no"`
	Category    string    `json:"category"`
	PhoneMasked string    `json:"phone_masked,omitempty"`
	QueryCode   string    `json:"query_code,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range privacy.NormalizeDigits(s) {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Submit stores a message from a kiosk (deviceID; 0 for none), its phone
// and text sealed (contact.go).
func (s *Service) Submit(ctx context.Context, deviceID int64, in Input) (*Receipt, error) {
	var c web.Check
	c.OneOf("category", in.Category, Categories...)
	in.Body = c.Text("body", in.Body, 1000)
	in.Phone = digitsOf(in.Phone)
	c.That(in.Phone == "" || privacy.ValidMobile(in.Phone), "phone", web.CodeInvalid, "want an 11-digit mobile number")
	if err := c.Err(); err != nil {
		return nil, err
	}
	now := s.opts.Clock.Now()
	r := &Receipt{Category: in.Category, CreatedAt: now}
	key := randomDigits(4)
	if in.Phone != "" {
		key = in.Phone[len(in.Phone)-4:]
		r.PhoneMasked = s.maskPhone(in.Phone)
	} else {
		r.QueryCode = key
	}
	var dev any
	if deviceID != 0 {
		dev = deviceID
	}
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		for range 10 {
			r.TrackingNo = now.In(s.opts.Location).Format("060102") + randomDigits(6)
			var n int
			if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM suggestions WHERE tracking_no = ?", r.TrackingNo); err != nil {
				return err
			}
			if n == 0 {
				break
			}
		}
		k, err := s.opts.Keys.Sealing()
		if err != nil {
			return err
		}
		var id int64
		if err := tx.Get(ctx, &id, `INSERT INTO suggestions (tracking_no, device_id, category, body, phone, phone_masked, seal_key, lookup_key,
			status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?) RETURNING id`,
			r.TrackingNo, dev, in.Category, k.Seal(in.Body, place("body", r.TrackingNo)), k.Seal(in.Phone, place("phone", r.TrackingNo)),
			s.maskPhone(in.Phone), k.ID(), key, now, now); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: "suggestion", ID: id, Data: []byte(`{"event":"received"}`)})
		return nil
	})
	if err != nil {
		return nil, wrap("store a suggestion", err)
	}
	return r, nil
}
