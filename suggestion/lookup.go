package suggestion

import (
	"context"
	"crypto/subtle"
	"time"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// PublicStatus is what the citizen sees: the status and the hall's reply,
// never the message or the phone.
type PublicStatus struct {
	TrackingNo string     `db:"tracking_no" json:"tracking_no"`
	Category   string     `db:"category" json:"category"`
	Status     string     `db:"status" json:"status"`
	CreatedAt  time.Time  `db:"created_at" json:"created_at"`
	Reply      string     `db:"reply" json:"reply,omitempty"`
	RepliedAt  *time.Time `db:"replied_at" json:"replied_at,omitempty"`
}

// Lookup finds a message by tracking number and the last four digits of
// the phone (or the query code). A wrong number and wrong digits get the
// same answer.
func (s *Service) Lookup(ctx context.Context, trackingNo, key string) (*PublicStatus, error) {
	trackingNo, key = digitsOf(trackingNo), digitsOf(key)
	if len(trackingNo) != 12 || len(key) != 4 {
		return nil, web.NotFound("suggestion")
	}
	var r struct {
		PublicStatus
		Key string `db:"lookup_key"`
	}
	err := s.db.Get(ctx, &r, `SELECT tracking_no, category, status, created_at, reply, replied_at, lookup_key
		FROM suggestions WHERE tracking_no = ?`, trackingNo)
	if store.IsNotFound(err) {
		subtle.ConstantTimeCompare([]byte(key), []byte("0000"))
		return nil, web.NotFound("suggestion")
	}
	if err != nil {
		return nil, wrap("look up a suggestion", err)
	}
	if subtle.ConstantTimeCompare([]byte(r.Key), []byte(key)) != 1 {
		return nil, web.NotFound("suggestion")
	}
	return &r.PublicStatus, nil
}
