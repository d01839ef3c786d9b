package site

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// largeCookie holds the large-text mode (适老化): "1" on.
const largeCookie = "gk_large"

// base is the site's origin for links and QR codes: HALLCAST_BASE_URL, or
// the request's scheme and host.
func (s *Site) base(c echo.Context) string {
	if s.o.BaseURL != "" {
		return s.o.BaseURL
	}
	return c.Scheme() + "://" + c.Request().Host
}

// large reports whether the reader chose the large-text mode.
func large(c echo.Context) bool {
	ck, err := c.Cookie(largeCookie)
	return err == nil && ck.Value == "1"
}

// newView starts the view of a page at path (canonical, with its query).
func (s *Site) newView(c echo.Context, nav, title, description, path string) *view {
	return &view{Title: title, Description: description, Path: path, Base: s.base(c), Name: s.o.Name(c.Request().Context()),
		Large: large(c), Nav: nav}
}

// pageKey is the cache key of a page: what it shows depends on the
// content (the cache is emptied when it changes), the day (days left of
// a 公示), the large-text mode and, without a configured base URL, the
// host it was asked for.
func (s *Site) pageKey(c echo.Context, path string) string {
	k := s.today().String() + "|" + path
	if large(c) {
		k += "|L"
	}
	if s.o.BaseURL == "" {
		k += "|" + s.base(c)
	}
	return k
}

// cached answers with the cached response of key, building it first if
// needed. Public pages may be kept a minute by browsers and proxies and
// revalidated with their ETag.
func (s *Site) cached(c echo.Context, key string, maxAge string, build func() (ctype string, body []byte, err error)) error {
	e := s.cache.get(key)
	if e == nil {
		ctype, body, err := build()
		if err != nil {
			return err
		}
		e = s.cache.put(key, ctype, body)
	}
	return send(c, e, "public, max-age="+maxAge)
}

// send writes an entry, or 304 when the client has it.
func send(c echo.Context, e *entry, cacheControl string) error {
	h := c.Response().Header()
	h.Set("Cache-Control", cacheControl)
	h.Set("ETag", e.etag)
	h.Set("Vary", "Cookie")
	if !e.modified.IsZero() {
		h.Set("Last-Modified", e.modified.Format(http.TimeFormat))
	}
	if notModified(c.Request(), e) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, e.ctype, e.body)
}

// notModified reports whether the client has e: its If-None-Match names
// e's ETag or, without If-None-Match, its If-Modified-Since is not before
// e's Last-Modified (RFC 9110, 13.2.2).
func notModified(r *http.Request, e *entry) bool {
	if match := r.Header.Get("If-None-Match"); match != "" {
		return etagMatch(match, e.etag)
	}
	since, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !e.modified.IsZero() && !e.modified.After(since)
}

// etagMatch reports whether an If-None-Match header names etag.
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

const htmlType = "text/html; charset=utf-8"

// page renders a page that is the same for everyone, through the cache,
// keyed by its canonical path (so that other query parameters do not make
// other entries).
func (s *Site) page(c echo.Context, name, path string, build func() (*view, error)) error {
	return s.cached(c, s.pageKey(c, path), "60", func() (string, []byte, error) {
		v, err := build()
		if err != nil {
			return "", nil, err
		}
		b, err := s.pages.render(name, v)
		return htmlType, b, err
	})
}

// private renders a page for this reader alone (forms with their token,
// receipts, look-up results): never stored by anyone.
func (s *Site) private(c echo.Context, status int, name string, v *view) error {
	v.NoIndex = true
	b, err := s.pages.render(name, v)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Blob(status, htmlType, b)
}

// HandlePrefs is GET /gk/prefs?large=0|1&back=<path>: it sets the
// large-text mode in a cookie and goes back (to a /gk/ path only).
func (s *Site) HandlePrefs(c echo.Context) error {
	back := c.QueryParam("back")
	if !strings.HasPrefix(back, Prefix+"/") || strings.HasPrefix(back, "//") || strings.ContainsAny(back, "\\\r\n") {
		back = Prefix + "/"
	}
	on := c.QueryParam("large") == "1"
	ck := &http.Cookie{Name: largeCookie, Value: "1", Path: Prefix + "/", MaxAge: 365 * 24 * 3600, HttpOnly: true,
		Secure: s.o.Secure, SameSite: http.SameSiteLaxMode}
	if !on {
		ck.Value, ck.MaxAge = "", -1
	}
	c.SetCookie(ck)
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Redirect(http.StatusSeeOther, back)
}

// HandleCSS is GET /gk/site.css.
func (s *Site) HandleCSS(c echo.Context) error {
	return send(c, cssEntry, "public, max-age=86400")
}

var cssEntry = newEntry("text/css; charset=utf-8", siteCSS)
