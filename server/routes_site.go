package server

import (
	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/site"
)

// siteRoutes declares the public web edition at /gk/ (package site):
// pages anyone may read, without JavaScript. Search, forms and look-ups
// are rate limited per address; pages, feeds, print layouts and QR codes
// come from the site's cache and carry caching headers.
func (a *App) siteRoutes(e *echo.Echo) {
	s := a.Site
	e.GET("/robots.txt", s.HandleRobots)
	g := e.Group(site.Prefix, s.Errors)
	search := site.Limit(60, 20)
	forms := site.Limit(10, 5)
	lookups := site.Limit(10, 5)

	g.GET("", func(c echo.Context) error { return c.Redirect(301, site.Prefix+"/") })
	g.GET("/", s.HandleHome)
	g.GET("/site.css", s.HandleCSS)
	g.GET("/prefs", s.HandlePrefs)
	g.GET("/catalogue", s.HandleCatalogue)
	g.GET("/c/:id", s.HandleCategory)
	g.GET("/guides", s.HandleGuides)
	g.GET("/n/:id", s.HandleNotice)
	g.GET("/n/:id/print", s.HandlePrint)
	g.GET("/board", s.HandleBoard)
	g.GET("/qr/:file", s.HandleQR)
	g.GET("/search", s.HandleSearch, search)
	g.GET("/:file", s.HandleFeed) // feed.rss, feed.atom, feed.json
	g.GET("/sitemap.xml", s.HandleSitemap)

	g.GET("/apply", s.HandleApplyForm)
	g.POST("/apply", s.HandleApply, forms)
	g.GET("/apply/done", s.HandleApplyDone)
	g.GET("/status", s.HandleStatusForm)
	g.POST("/status", s.HandleStatus, lookups)
	g.GET("/rate", s.HandleRateForm)
	g.POST("/rate", s.HandleRate, forms)
	g.GET("/rate/done", s.HandleRateDone)
	g.GET("/suggest", s.HandleSuggestForm)
	g.POST("/suggest", s.HandleSuggest, forms)
	g.GET("/suggest/done", s.HandleSuggestDone)

	g.Any("/*", site.NotFound)
}
