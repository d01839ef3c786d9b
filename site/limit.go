package site

import (
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"github.com/hallcast/hallcast/web"
)

// Limit allows each client address about perMinute requests a minute
// with bursts of burst, like web.RateLimit (the same store), but returns
// the 429 as an error so that the site's pages render it (Errors), with
// Retry-After, instead of the API's JSON.
func Limit(perMinute float64, burst int) echo.MiddlewareFunc {
	store := middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: rate.Limit(perMinute / 60), Burst: burst, ExpiresIn: 10 * time.Minute,
	})
	retry := int(60/perMinute) + 1
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if ok, err := store.Allow(c.RealIP()); err != nil || !ok {
				return web.Throttled(retry, "too many requests, try again in %d seconds", retry)
			}
			return next(c)
		}
	}
}
