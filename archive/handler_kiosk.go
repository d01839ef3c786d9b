package archive

import (
	"math"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// KioskHandler serves the archive to kiosks.
type KioskHandler struct {
	Service *Service
	// KioskID names the paired kiosk that sends the request, or reports
	// false when the request does not come from one (answered 401). It is
	// wired to the kiosk pairing (device authentication); nil refuses
	// every request.
	KioskID func(c echo.Context) (string, bool)
}

func (h *KioskHandler) kiosk(c echo.Context) (string, error) {
	if h.KioskID != nil {
		if id, ok := h.KioskID(c); ok && id != "" {
			return id, nil
		}
	}
	return "", &web.Error{Status: http.StatusUnauthorized, Code: web.CodeUnauthorized, Message: "this device is not a paired kiosk"}
}

// HandleDatasets is GET /api/kiosk/archive/datasets: the datasets a kiosk
// may query, with their key prompts and keypads.
func (h *KioskHandler) HandleDatasets(c echo.Context) error {
	if _, err := h.kiosk(c); err != nil {
		return err
	}
	list, err := h.Service.KioskDatasets(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"datasets": list})
}

type kioskLookup struct {
	Dataset int64             `json:"dataset"`
	Keys    map[string]string `json:"keys"`
}

// HandleLookup is POST /api/kiosk/archive/lookup with
// {"dataset": id, "keys": {"<key name>": "<typed value>"}}. The answer has
// the same shape for a hit and a miss (Result); too many requests or misses
// are answered 429 with Retry-After.
func (h *KioskHandler) HandleLookup(c echo.Context) error {
	s := h.Service
	ctx := c.Request().Context()
	p := s.protection(ctx)
	now := s.now()
	addr := c.RealIP()
	if ok, wait := s.limits.allow("a:"+addr, p.AddressPerMinute, p.AddressBurst, now); !ok {
		return throttled(wait)
	}
	kiosk, err := h.kiosk(c)
	if err != nil {
		return err
	}
	if ok, wait := s.limits.allow("k:"+kiosk, p.KioskPerMinute, p.KioskBurst, now); !ok {
		return throttled(wait)
	}
	var req kioskLookup
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if req.Dataset <= 0 {
		return web.Invalid("dataset", web.CodeRequired, "choose a dataset")
	}
	res, err := s.Lookup(ctx, LookupRequest{DatasetID: req.Dataset, Keys: req.Keys, Kiosk: kiosk, Address: addr})
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, res)
}

func throttled(wait time.Duration) error {
	secs := int(math.Ceil(wait.Seconds()))
	e := web.Throttled(secs, "too many lookups, try again in %d seconds", secs)
	e.Params = map[string]any{"reason": "rate", "seconds": secs}
	return e
}
