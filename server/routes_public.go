package server

import (
	"crypto/subtle"
	"net"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/hallcast/hallcast/web"
)

// publicRoutes declares the routes anyone may call: probes, metrics (token
// or trusted network) and static assets.
func (a *App) publicRoutes(e *echo.Echo) {
	e.GET("/healthz", a.healthz)
	e.GET("/readyz", a.readyz)
	e.GET("/metrics", echo.WrapHandler(promhttp.HandlerFor(a.Metrics, promhttp.HandlerOpts{})), a.metricsGuard)
	e.GET("/assets/*", a.asset)
	// The display client of screens, and its service worker at the root so
	// that its scope can cover /display (static/display/sw.js).
	e.GET("/display", a.page("display/index.html"))
	e.GET("/display-sw.js", a.page("display/sw.js"))
	// Attachments of published and expired notices, for kiosks and screens.
	e.GET("/files/:id/:name", a.Notices.HandlePublicFile, web.RateLimit(1200, 200, web.ByIP))
	e.GET("/", func(c echo.Context) error { return c.Redirect(http.StatusFound, "/admin/") })
}

func (a *App) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// metricsGuard admits a matching bearer token, or, without a configured
// token, only clients on this machine or in a trusted proxy network. The
// client is the address the trusted proxy reports (X-Forwarded-For, read
// by the server's IP extractor), never the proxy's own connection: behind
// the documented nginx every request comes from loopback.
func (a *App) metricsGuard(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if tok := a.Cfg.MetricsToken; tok != "" {
			got := strings.TrimPrefix(c.Request().Header.Get("Authorization"), "Bearer ")
			if subtle.ConstantTimeCompare([]byte(got), []byte(tok)) != 1 {
				return web.Unauthorized()
			}
			return next(c)
		}
		ip := net.ParseIP(c.RealIP())
		trusted := ip != nil && ip.IsLoopback()
		for _, n := range a.Cfg.TrustedProxies {
			trusted = trusted || (ip != nil && n.Contains(ip))
		}
		if !trusted {
			return web.Forbidden("set HALLCAST_METRICS_TOKEN to scrape /metrics from other hosts")
		}
		return next(c)
	}
}

// asset serves /assets/<folder>/<file> from the embedded static tree.
func (a *App) asset(c echo.Context) error {
	name := c.Param("*")
	if strings.Contains(name, "..") || !a.Static.ServeFile(c.Response(), c.Request(), name) {
		return web.NotFound("asset")
	}
	return nil
}

// page serves one embedded HTML page.
func (a *App) page(name string) echo.HandlerFunc {
	return func(c echo.Context) error {
		if strings.Contains(name, "..") || !a.Static.ServeFile(c.Response(), c.Request(), name) {
			return web.NotFound("page")
		}
		return nil
	}
}
