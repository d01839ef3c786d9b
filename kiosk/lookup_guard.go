package kiosk

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/web"
)

// guardedLookup answers a status look-up of what ("suggestion" or
// "disclosure") through find, under the lookup protection
// (GuardStatusLookup).
func (a *API) guardedLookup(c echo.Context, what string, find func(trackingNo, key string) (any, error)) error {
	var req lookupRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	kiosk := ""
	if d := device.From(c); d != nil {
		kiosk = strconv.FormatInt(d.ID, 10)
	}
	var out any
	err := a.GuardStatusLookup(c.Request().Context(), kiosk, c.RealIP(), what, req.TrackingNo, func() error {
		var err error
		out, err = find(req.TrackingNo, req.Key)
		return err
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}

// GuardStatusLookup runs find, a status look-up of what ("suggestion" or
// "disclosure") by trackingNo, under the lookup protection, for a kiosk
// (its device ID; "" for the public web edition, which has no kiosk
// scope) at address: a refused look-up is a 429 with Retry-After (params
// reason, seconds, scope: kiosk, address or tracking_no); a miss (404) is
// counted and says how many more misses lock the look-ups (params
// attempts_left).
func (a *API) GuardStatusLookup(ctx context.Context, kiosk, address, what, trackingNo string, find func() error) error {
	if a.o.Lockout == nil {
		return find()
	}
	p := a.o.LookupProtection(ctx)
	var scopes []lockout.Scope
	if kiosk != "" {
		scopes = append(scopes, lockout.Scope{Kind: LockKiosk, Name: kiosk, Rule: p.rule(p.KioskLockAfter, true)})
	}
	scopes = append(scopes,
		lockout.Scope{Kind: LockAddress, Name: address, Rule: p.rule(p.AddressLockAfter, false)},
		lockout.Scope{Kind: LockTracking, Name: what + ":" + trackingDigits(trackingNo), Rule: p.rule(p.TrackingLockAfter, false)})
	now := a.o.Clock.Now()
	if r, _ := a.o.Lockout.Check(now, scopes); r != nil {
		secs := int(math.Ceil(r.Wait.Seconds()))
		scope := map[string]string{LockKiosk: "kiosk", LockAddress: "address", LockTracking: "tracking_no"}[r.Kind]
		e := web.Throttled(secs, "too many look-ups without a result: try again in %d minutes", int(math.Ceil(r.Wait.Minutes())))
		e.Params = map[string]any{"reason": r.Reason, "seconds": secs, "scope": scope}
		return e
	}
	err := find()
	var we *web.Error
	if errors.As(err, &we) && we.Status == http.StatusNotFound {
		left := a.o.Lockout.Miss(now, scopes)
		miss := *we
		miss.Params = map[string]any{"attempts_left": left}
		return &miss
	}
	return err
}

// trackingDigits is the tracking number as the look-ups read it (its
// digits), clipped: it names a lockout scope.
func trackingDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' && b.Len() < 20 {
			b.WriteRune(r)
		}
	}
	return b.String()
}
