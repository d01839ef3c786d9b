package kiosk

import (
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/web"
)

// ByDevice keys a rate limit by the authenticated device (use after
// device.Service.Require).
func ByDevice(c echo.Context) string {
	if d := device.From(c); d != nil {
		return "device:" + strconv.FormatInt(d.ID, 10)
	}
	return ""
}

// Limit is a rate limit per device and another per address, for one class
// of kiosk route: perMinute requests a minute with bursts of burst, per
// device; twice that per address (several kiosks may share one NAT).
func Limit(perMinute float64, burst int) []echo.MiddlewareFunc {
	return []echo.MiddlewareFunc{
		web.RateLimit(perMinute, burst, ByDevice),
		web.RateLimit(2*perMinute, 2*burst, web.ByIP),
	}
}

// BodyLimit caps kiosk request bodies: forms are small.
func BodyLimit() echo.MiddlewareFunc { return middleware.BodyLimit("16K") }
