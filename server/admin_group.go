package server

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// adminAPI registers admin API routes together with the role each needs,
// so tests can walk the whole table.
type adminAPI struct {
	g      *echo.Group
	prefix string
	app    *App
}

// AdminRoute is one registered admin API route.
type AdminRoute struct {
	Method, Path string
	// Need is the role required; "" means any logged-in account.
	Need auth.Role
	// Open routes need no login (only the login itself).
	Open bool
}

func (a *App) adminGroup(e *echo.Echo) *adminAPI {
	const prefix = "/api/admin"
	return &adminAPI{g: e.Group(prefix, a.csrf(), a.Auth.Session()), prefix: prefix, app: a}
}

func (r *adminAPI) record(method, path string, need auth.Role, open bool) {
	r.app.routeTable = append(r.app.routeTable, AdminRoute{Method: method, Path: r.prefix + path, Need: need, Open: open})
}

// add registers a route that needs a login with role need.
func (r *adminAPI) add(method, path string, need auth.Role, h echo.HandlerFunc) {
	r.record(method, path, need, false)
	r.g.Add(method, path, h, auth.Require(need))
}

// passwordChange registers a route open to any logged-in user, even one
// who must change the password first.
func (r *adminAPI) passwordChange(method, path string, h echo.HandlerFunc) {
	r.record(method, path, "", false)
	r.g.Add(method, path, h, auth.AllowPasswordChange())
}

// open registers a route that needs no login.
func (r *adminAPI) open(method, path string, h echo.HandlerFunc) {
	r.record(method, path, "", true)
	r.g.Add(method, path, h)
}

// AdminRoutes lists the admin API routes registered by Handler.
func (a *App) AdminRoutes() []AdminRoute { return a.routeTable }

// csrf protects state-changing requests: browsers that send Sec-Fetch-Site
// must be same-origin; other clients must echo the hallcast_csrf cookie in
// the X-CSRF-Token header (double submit).
func (a *App) csrf() echo.MiddlewareFunc {
	return middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "header:X-CSRF-Token,form:_csrf",
		CookieName:     "hallcast_csrf",
		CookiePath:     "/",
		CookieSameSite: http.SameSiteStrictMode,
		CookieSecure:   a.https(),
		TrustedOrigins: trustedOrigins(a.Cfg.AllowedOrigins, a.Cfg.BaseURL),
		ErrorHandler: func(err error, c echo.Context) error {
			return &web.Error{Status: http.StatusForbidden, Code: web.CodeCSRF, Message: "missing or wrong CSRF token"}
		},
	})
}

func trustedOrigins(allowed []string, base string) []string {
	out := append([]string(nil), allowed...)
	if base != "" {
		if i := strings.Index(base[8:], "/"); i >= 0 {
			base = base[:8+i]
		}
		out = append(out, strings.ToLower(base))
	}
	return out
}
