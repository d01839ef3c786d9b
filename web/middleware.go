package web

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// RequestLogger logs one line per request with slog. It logs the path
// only, never the query string, which may carry search terms or tokens.
func RequestLogger(log *slog.Logger) echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogLatency: true, LogMethod: true, LogURIPath: true,
		LogRemoteIP: true, LogRequestID: true, LogResponseSize: true, LogError: true,
		HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			log.LogAttrs(context.Background(), level, "http",
				slog.String("method", v.Method), slog.String("path", v.URIPath), slog.Int("status", v.Status),
				slog.Duration("latency", v.Latency), slog.String("ip", v.RemoteIP),
				slog.Int64("bytes", v.ResponseSize), slog.String("request_id", v.RequestID))
			return nil
		},
	})
}

// SecurityHeaders sets the headers every response carries. hsts is true
// when the server is reached over TLS.
func SecurityHeaders(hsts bool) echo.MiddlewareFunc {
	cfg := middleware.SecureConfig{
		XSSProtection:      "0",
		ContentTypeNosniff: "nosniff",
		XFrameOptions:      "SAMEORIGIN",
		ReferrerPolicy:     "same-origin",
		ContentSecurityPolicy: "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
			"img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self' data:; " +
			"frame-src 'self' blob:; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
	}
	if hsts {
		cfg.HSTSMaxAge = 31536000
	}
	sec := middleware.SecureWithConfig(cfg)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		h := sec(next)
		return func(c echo.Context) error {
			c.Response().Header().Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
			c.Response().Header().Set("Cross-Origin-Opener-Policy", "same-origin")
			return h(c)
		}
	}
}

// IPExtractor returns the client address, trusting X-Forwarded-For only
// from the given proxy networks.
func IPExtractor(trusted []*net.IPNet) echo.IPExtractor {
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// RateLimit allows each key about perMinute requests a minute with bursts
// of burst, answering 429 with Retry-After beyond that. key returns the
// identity to limit (an address, a device); an empty key is not limited.
func RateLimit(perMinute float64, burst int, key func(c echo.Context) string) echo.MiddlewareFunc {
	store := middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: rate.Limit(perMinute / 60), Burst: burst, ExpiresIn: 10 * time.Minute,
	})
	retry := int(60/perMinute) + 1
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper: func(c echo.Context) bool { return key(c) == "" },
		Store:   store,
		IdentifierExtractor: func(c echo.Context) (string, error) {
			return key(c), nil
		},
		DenyHandler: func(c echo.Context, id string, err error) error {
			return Throttled(retry, "too many requests, try again in %d seconds", retry)
		},
		ErrorHandler: func(c echo.Context, err error) error {
			return &Error{Status: http.StatusInternalServerError, Code: CodeInternal, Message: "rate limiter failed"}
		},
	})
}

// ByIP keys a rate limit by client address.
func ByIP(c echo.Context) string { return c.RealIP() }
