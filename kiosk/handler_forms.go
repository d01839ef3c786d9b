package kiosk

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/suggestion"
	"github.com/hallcast/hallcast/web"
)

// SessionHeader carries the kiosk session ID.
const SessionHeader = "X-Kiosk-Session"

// HandleStartSession is POST /api/kiosk/sessions.
func (a *API) HandleStartSession(c echo.Context) error {
	id, err := a.StartSession(c.Request().Context(), device.From(c).ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]string{"id": id})
}

// HandleEndSession is POST /api/kiosk/sessions/end (session in the header).
func (a *API) HandleEndSession(c echo.Context) error {
	if err := a.EndSession(c.Request().Context(), device.From(c).ID, c.Request().Header.Get(SessionHeader)); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// HandleRate is POST /api/kiosk/ratings: once per session.
func (a *API) HandleRate(c echo.Context) error {
	var in rating.Input
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	ctx, dev, sid := c.Request().Context(), device.From(c).ID, c.Request().Header.Get(SessionHeader)
	if err := a.checkSession(ctx, dev, sid); err != nil {
		return err
	}
	out, err := a.o.Ratings.Create(ctx, dev, sid, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, out)
}

// HandleSuggest is POST /api/kiosk/suggestions.
func (a *API) HandleSuggest(c echo.Context) error {
	var in suggestion.Input
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	rc, err := a.o.Suggestions.Submit(c.Request().Context(), device.From(c).ID, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, rc)
}

// HandleApply is POST /api/kiosk/disclosure: a 依申请公开 application.
func (a *API) HandleApply(c echo.Context) error {
	var in disclosure.Application
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	rc, err := a.o.Disclosure.Submit(c.Request().Context(), device.From(c).ID, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, rc)
}

type lookupRequest struct {
	TrackingNo string `json:"tracking_no"`
	Key        string `json:"key"`
}

// HandleSuggestionLookup is POST /api/kiosk/suggestions/lookup with
// {"tracking_no", "key"} (the phone's last four digits or the query code).
// The numbers travel in the body, never in a URL. Misses are counted
// (guardedLookup).
func (a *API) HandleSuggestionLookup(c echo.Context) error {
	return a.guardedLookup(c, "suggestion", func(no, key string) (any, error) {
		return a.o.Suggestions.Lookup(c.Request().Context(), no, key)
	})
}

// HandleDisclosureLookup is POST /api/kiosk/disclosure/lookup; misses are
// counted (guardedLookup).
func (a *API) HandleDisclosureLookup(c echo.Context) error {
	return a.guardedLookup(c, "disclosure", func(no, key string) (any, error) {
		return a.o.Disclosure.Lookup(c.Request().Context(), no, key)
	})
}
