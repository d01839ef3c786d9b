package server

import (
	"strings"

	"github.com/labstack/echo/v4"

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
	return &adminAPI{g: e.Group(prefix, web.NoStore(), a.csrf(), a.Auth.Session()), prefix: prefix, app: a}
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

// csrf protects state-changing requests (auth.Service.CSRF): the token
// in the X-CSRF-Token header, bound to the session; browsers must post
// from the same origin or a trusted one (HALLCAST_ALLOWED_ORIGINS and the
// base URL's).
func (a *App) csrf() echo.MiddlewareFunc {
	return a.Auth.CSRF(trustedOrigins(a.Cfg.AllowedOrigins, a.Cfg.BaseURL))
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
