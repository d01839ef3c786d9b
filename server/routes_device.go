package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// deviceRoutes declares what screens and kiosks call whatever they are:
// pairing, the token check and the WebSocket. Pairing is open but rate
// limited per address; everything else needs a device token.
func (a *App) deviceRoutes(e *echo.Echo) {
	pairLimit := web.RateLimit(10, 5, web.ByIP)
	claimLimit := web.RateLimit(120, 30, web.ByIP)
	noStore := web.NoStore()
	e.POST("/api/device/pair", a.Devices.HandleRequestPairing, noStore, pairLimit)
	e.POST("/api/device/pair/claim", a.Devices.HandleClaim, noStore, claimLimit)
	e.GET("/api/device/me", a.Devices.HandleMe, noStore, a.Devices.Require())
	// Screens reconnect with ?have=<playlist version> (push.Client.Query).
	e.GET("/ws", echo.WrapHandler(http.HandlerFunc(a.Hub.ServeHTTP(a.Devices))))
}
