package device

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math/big"
	"time"
	"unicode/utf8"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// maxOpenRequests bounds unexpired pairing requests, so a flood of
// requests cannot fill the table or exhaust the code space.
const maxOpenRequests = 2000

// Request is a pairing request as its device sees it.
type Request struct {
	Code      string    `json:"code"`
	Claim     string    `json:"claim"`
	ExpiresAt time.Time `json:"expires_at"`
}

// RequestPairing opens a pairing request for a device of the given kind and
// returns the code to show and the claim secret the device keeps to fetch
// its token later. The code alone (shown on a public screen) is not enough
// to take the token.
func (s *Service) RequestPairing(ctx context.Context, kind Kind, info, ip string) (*Request, error) {
	if !kind.Valid() {
		return nil, web.Invalid("kind", web.CodeInvalid, "want screen or kiosk")
	}
	info = truncate(info, 512)
	claim, claimHash := newSecret()
	now := s.now()
	req := &Request{Claim: claim, ExpiresAt: now.Add(s.opts.PairingTTL)}
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		if _, err := tx.Exec(ctx, "DELETE FROM pairing_requests WHERE expires_at <= ?", now); err != nil {
			return err
		}
		var open int
		if err := tx.Get(ctx, &open, "SELECT COUNT(*) FROM pairing_requests"); err != nil {
			return err
		}
		if open >= maxOpenRequests {
			return web.Throttled(60, "too many pairing requests are open; try again in a minute")
		}
		for range 20 {
			code := randomCode()
			var n int
			if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM pairing_requests WHERE code = ?", code); err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			req.Code = code
			_, err := tx.Exec(ctx, `INSERT INTO pairing_requests (code, claim_hash, kind, info, ip, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, code, claimHash, kind, info, ip, now, req.ExpiresAt)
			return err
		}
		return fmt.Errorf("no free pairing code")
	})
	if err != nil {
		return nil, wrap("open a pairing request", err)
	}
	return req, nil
}

func randomCode() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000))
	return fmt.Sprintf("%06d", n.Int64())
}

// Status is what a waiting device learns when it asks about its request.
type Status struct {
	// State is "waiting", "paired" or "expired".
	State string `json:"state"`
	// Token is given once, when the admin has paired the device.
	Token  string  `json:"token,omitempty"`
	Device *Device `json:"device,omitempty"`
}

// Claim tells a waiting device whether it has been paired and, the first
// time it asks after pairing, hands over its token. Only the holder of the
// claim secret gets the token.
func (s *Service) Claim(ctx context.Context, code, claim string) (*Status, error) {
	var st Status
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		var r struct {
			ClaimHash string    `db:"claim_hash"`
			ExpiresAt time.Time `db:"expires_at"`
			DeviceID  *int64    `db:"device_id"`
		}
		err := tx.Get(ctx, &r, "SELECT claim_hash, expires_at, device_id FROM pairing_requests WHERE code = ?", code)
		if store.IsNotFound(err) || (err == nil && subtle.ConstantTimeCompare([]byte(r.ClaimHash), []byte(hashSecret(claim))) != 1) {
			st.State = "expired"
			return nil
		}
		if err != nil {
			return err
		}
		if !r.ExpiresAt.After(s.now()) {
			st.State = "expired"
			_, err := tx.Exec(ctx, "DELETE FROM pairing_requests WHERE code = ?", code)
			return err
		}
		if r.DeviceID == nil {
			st.State = "waiting"
			return nil
		}
		token, hash := newSecret()
		now := s.now()
		if _, err := tx.Exec(ctx, "UPDATE devices SET token_hash = ?, claimed_at = ? WHERE id = ? AND revoked_at IS NULL", hash, now, *r.DeviceID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM pairing_requests WHERE code = ?", code); err != nil {
			return err
		}
		var d Device
		if err := tx.Get(ctx, &d, "SELECT "+deviceColumns+" FROM devices WHERE id = ?", *r.DeviceID); err != nil {
			return err
		}
		st = Status{State: "paired", Token: token, Device: &d}
		tx.Publish(store.Event{Topic: Topic, ID: d.ID, Data: []byte(`{"event":"claimed"}`)})
		return nil
	})
	if err != nil {
		return nil, wrap("claim a pairing", err)
	}
	return &st, nil
}

// truncate cuts s to at most n bytes without splitting a character (a
// split one would be invalid UTF-8, which PostgreSQL refuses).
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
