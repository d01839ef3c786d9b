package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/web"
)

// Handler returns the HTTP handler with every route, built on first use.
func (a *App) Handler() *echo.Echo {
	a.handlerOnce.Do(func() { a.echo = a.buildHandler() })
	return a.echo
}

func (a *App) buildHandler() *echo.Echo {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = web.ErrorHandler(a.Log)
	e.IPExtractor = web.IPExtractor(a.Cfg.TrustedProxies)
	e.Use(
		middleware.RequestID(),
		middleware.RecoverWithConfig(middleware.RecoverConfig{LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			a.Log.Error("panic in handler", "path", c.Path(), "err", err, "stack", string(stack))
			return err
		}}),
		web.RequestLogger(a.Log),
		newHTTPMetrics(a.Metrics),
		web.SecurityHeaders(a.https()),
		bodyLimit(a.Cfg),
		web.CleanInput(),
	)
	a.publicRoutes(e)
	a.deviceRoutes(e)
	a.kioskRoutes(e)
	a.siteRoutes(e)
	a.adminRoutes(e)
	return e
}

// bodyLimit caps request bodies: the JSON limit everywhere except upload
// routes, which carry the upload limit (and check it again per file).
func bodyLimit(cfg *config.Config) echo.MiddlewareFunc {
	jsonLimit := middleware.BodyLimit(config.FormatSize(cfg.BodyLimit))
	uploadLimit := middleware.BodyLimit(config.FormatSize(cfg.UploadLimit + 1<<20))
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		j, u := jsonLimit(next), uploadLimit(next)
		return func(c echo.Context) error {
			if c.Request().Method == http.MethodGet || c.Request().Method == http.MethodHead {
				return next(c)
			}
			if isUpload(c) {
				return u(c)
			}
			return j(c)
		}
	}
}

// isUpload reports whether the request is a multipart upload.
func isUpload(c echo.Context) bool {
	ct := c.Request().Header.Get(echo.HeaderContentType)
	return len(ct) >= 19 && ct[:19] == "multipart/form-data"
}
