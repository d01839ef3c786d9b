package device

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// seenEvery limits how often last_seen_at is written for one device.
const seenEvery = time.Minute

// Authenticate returns the active device holding token, or nil. Active
// devices are cached by token hash (see tokenCache).
func (s *Service) Authenticate(ctx context.Context, token string) (*Device, error) {
	if token == "" {
		return nil, nil
	}
	hash, now := hashSecret(token), s.now()
	d, gen := s.tokens.get(hash, now)
	if d != nil {
		return d, nil
	}
	d = &Device{}
	err := s.db.Get(ctx, d, "SELECT "+deviceColumns+" FROM devices WHERE token_hash = ? AND revoked_at IS NULL", hash)
	if store.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, wrap("authenticate a device", err)
	}
	s.tokens.put(hash, *d, gen, now)
	return d, nil
}

// seenMark is the last time and address written for a device.
type seenMark struct {
	at time.Time
	ip string
}

// Seen records that the device was seen now from ip: at most once a minute
// per device, or at once when its address changed.
func (s *Service) Seen(ctx context.Context, d *Device, ip string) {
	now := s.now()
	last := seenMark{ip: d.LastIP}
	if d.LastSeenAt != nil {
		last.at = *d.LastSeenAt
	}
	if v, ok := s.seen.Load(d.ID); ok && v.(seenMark).at.After(last.at) {
		last = v.(seenMark)
	}
	if !last.at.IsZero() && now.Sub(last.at) < seenEvery && last.ip == ip {
		return
	}
	s.seen.Store(d.ID, seenMark{at: now, ip: ip})
	if _, err := s.db.Exec(ctx, "UPDATE devices SET last_seen_at = ?, last_ip = ? WHERE id = ?", now, ip, d.ID); err != nil {
		s.opts.Logger.Warn("device: unable to record last seen", "device", d.ID, "err", err)
	}
}

// TokenFrom reads a device token from the Authorization: Bearer header or
// the X-Device-Token header.
func TokenFrom(r *http.Request) string {
	if v := r.Header.Get("X-Device-Token"); v != "" {
		return v
	}
	if v, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return strings.TrimSpace(v)
	}
	return ""
}

const ctxDevice = "device.device"

// Require refuses requests without a valid token of a device of one of the
// given kinds (401, code "device_unauthorized"; the device should pair
// again) and puts the device in the request context.
func (s *Service) Require(kinds ...Kind) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			d, err := s.Authenticate(c.Request().Context(), TokenFrom(c.Request()))
			if err != nil {
				return err
			}
			if d == nil || !kindIn(d.Kind, kinds) {
				return &web.Error{Status: http.StatusUnauthorized, Code: "device_unauthorized", Message: "this device is not paired (or was revoked); pair it again"}
			}
			s.Seen(c.Request().Context(), d, c.RealIP())
			c.Set(ctxDevice, d)
			return next(c)
		}
	}
}

func kindIn(k Kind, kinds []Kind) bool {
	if len(kinds) == 0 {
		return true
	}
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// From returns the authenticated device of the request, or nil.
func From(c echo.Context) *Device {
	d, _ := c.Get(ctxDevice).(*Device)
	return d
}
