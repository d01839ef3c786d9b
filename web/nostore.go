package web

import "github.com/labstack/echo/v4"

// NoStore marks every response of a group "Cache-Control: no-store", so
// that no browser, proxy or kiosk cache keeps applicants' data, tokens or
// drafts. It is applied just before the headers are written, so it holds
// whatever the handler set (a file download's own caching included) and
// for error responses too.
func NoStore() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			res := c.Response()
			res.Before(func() {
				res.Header().Set("Cache-Control", "no-store")
				res.Header().Del("Expires")
			})
			return next(c)
		}
	}
}
