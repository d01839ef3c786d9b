package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/handwriting"
	"github.com/hallcast/hallcast/kiosk"
	"github.com/hallcast/hallcast/web"
)

// kioskRoutes declares what the citizen kiosk calls. Every API route needs
// a kiosk's device token (Authorization: Bearer; cookies are never read),
// is rate limited per device and per address (429 with Retry-After) and
// takes small bodies only. The archive self-query adds its route here.
func (a *App) kioskRoutes(e *echo.Echo) {
	e.GET("/kiosk", a.page("kiosk/index.html"))
	g := e.Group("/api/kiosk", web.NoStore(), kiosk.BodyLimit(), a.Devices.Require(device.KindKiosk))
	k := a.Kiosk
	read := kiosk.Limit(120, 60)
	session := kiosk.Limit(12, 6)
	submit := kiosk.Limit(10, 5)
	lookup := kiosk.Limit(10, 5)

	g.GET("/config", k.HandleConfig, read...)
	g.GET("/categories", k.HandleCategories, read...)
	g.GET("/notices", k.HandleNotices, read...)
	g.GET("/notices/:id", k.HandleNotice, read...)
	g.GET("/search", k.HandleSearch, read...)
	g.GET("/search/years", k.HandleSearchYears, read...)

	g.POST("/sessions", k.HandleStartSession, session...)
	g.POST("/sessions/end", k.HandleEndSession, session...)
	g.POST("/ratings", k.HandleRate, submit...)
	g.POST("/suggestions", k.HandleSuggest, submit...)
	g.POST("/suggestions/lookup", k.HandleSuggestionLookup, lookup...)
	g.POST("/disclosure", k.HandleApply, submit...)
	g.POST("/disclosure/lookup", k.HandleDisclosureLookup, lookup...)

	// Handwriting: asked after every stroke, so more often than forms, and
	// a character's ink is a few kilobytes.
	hw := handwriting.NewHandler(a.Handwriting)
	g.GET("/handwriting", hw.HandleStatus, read...)
	g.POST("/handwriting", hw.HandleRecognize, append(kiosk.Limit(90, 30), middleware.BodyLimit("8K"))...)

	g.GET("/archive/datasets", a.ArchiveKiosk.HandleDatasets, read...)
	g.POST("/archive/lookup", a.ArchiveKiosk.HandleLookup) // limits, slowing and lockout are the archive's own

	g.Any("/*", func(c echo.Context) error { return echo.NewHTTPError(http.StatusNotFound) })
}
