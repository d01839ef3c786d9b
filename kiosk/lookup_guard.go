package kiosk

import (
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
// "disclosure") through find, under the lookup protection: a refused
// look-up is a 429 with Retry-After (params reason, seconds, scope:
// kiosk, address or tracking_no); a miss (404) is counted and says how
// many more misses lock the look-ups (params attempts_left).
func (a *API) guardedLookup(c echo.Context, what string, find func(trackingNo, key string) (any, error)) error {
	var req lookupRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if a.o.Lockout == nil {
		out, err := find(req.TrackingNo, req.Key)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, out)
	}
	p := a.o.LookupProtection(c.Request().Context())
	kiosk := ""
	if d := device.From(c); d != nil {
		kiosk = strconv.FormatInt(d.ID, 10)
	}
	scopes := []lockout.Scope{
		{Kind: LockKiosk, Name: kiosk, Rule: p.rule(p.KioskLockAfter, true)},
		{Kind: LockAddress, Name: c.RealIP(), Rule: p.rule(p.AddressLockAfter, false)},
		{Kind: LockTracking, Name: what + ":" + trackingDigits(req.TrackingNo), Rule: p.rule(p.TrackingLockAfter, false)},
	}
	now := a.o.Clock.Now()
	if r, _ := a.o.Lockout.Check(now, scopes); r != nil {
		secs := int(math.Ceil(r.Wait.Seconds()))
		scope := map[string]string{LockKiosk: "kiosk", LockAddress: "address", LockTracking: "tracking_no"}[r.Kind]
		e := web.Throttled(secs, "too many look-ups without a result: try again in %d minutes", int(math.Ceil(r.Wait.Minutes())))
		e.Params = map[string]any{"reason": r.Reason, "seconds": secs, "scope": scope}
		return e
	}
	out, err := find(req.TrackingNo, req.Key)
	var we *web.Error
	if errors.As(err, &we) && we.Status == http.StatusNotFound {
		left := a.o.Lockout.Miss(now, scopes)
		miss := *we
		miss.Params = map[string]any{"attempts_left": left}
		return &miss
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
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
