package kiosk

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/suggestion"
)

// HandleConfig is GET /api/kiosk/config: what the kiosk app needs to
// start: its name, the idle timings, the choices of each form and the
// server's clock (now, today, timezone), which the kiosk follows instead
// of its own.
func (a *API) HandleConfig(c echo.Context) error {
	ctx := c.Request().Context()
	rc := a.o.RatingConfig(ctx)
	outcomes := map[string]string{}
	for _, o := range disclosure.Outcomes {
		outcomes[string(o)] = o.Label()
	}
	now := clock.Read(a.o.Clock, a.o.Location)
	return c.JSON(http.StatusOK, map[string]any{
		"device":                device.From(c).Name,
		"idle":                  a.o.Idle(ctx),
		"rating_levels":         rating.Labels,
		"rating_services":       rc.Services,
		"rating_tags":           rc.Tags,
		"suggestion_categories": suggestion.Categories,
		"disclosure_outcomes":   outcomes,
		"disclosure_reply_days": disclosure.ReplyWorkdays,
		"now":                   now.Now,
		"today":                 now.Today,
		"timezone":              now.TimeZone,
	})
}
