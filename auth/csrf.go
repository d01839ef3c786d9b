package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// CSRF protection of the admin surface.
//
// A state-changing request must carry the token in the CSRFHeader header;
// a form field is never read, so a cross-site form cannot carry it. The
// token of a logged-in browser is an HMAC keyed with its session token:
// the server recomputes it from the session cookie and never trusts the
// CSRF cookie's value, so a cookie planted from a sibling subdomain is
// useless. The cookie only hands the token to the admin pages' scripts.
// Browsers that say where a request comes from (Sec-Fetch-Site) must say
// same-origin, unless the Origin is one of the trusted origins; same-site
// (a sibling subdomain) is not enough.

// CSRFHeader is the request header that carries the CSRF token.
const CSRFHeader = "X-CSRF-Token"

const (
	sessionCookieBase = "hallcast_session"
	csrfCookieBase    = "hallcast_csrf"
	// anonPrefix marks the token of a browser without a session (the
	// login form): a random value it echoes from its cookie.
	anonPrefix = "anon."
)

var errCSRF = &web.Error{Status: http.StatusForbidden, Code: web.CodeCSRF, Message: "missing or wrong CSRF token"}

// SessionCookie is the name of the session cookie: with Secure cookies it
// carries the __Host- prefix, which browsers only accept from this very
// host, over HTTPS, with Path=/ and no Domain, so no sibling subdomain
// can plant one.
func (s *Service) SessionCookie() string { return s.cookieName(sessionCookieBase) }

// CSRFCookie is the name of the cookie that hands the CSRF token to the
// admin pages (readable by scripts; __Host- prefixed with Secure cookies).
func (s *Service) CSRFCookie() string { return s.cookieName(csrfCookieBase) }

func (s *Service) cookieName(base string) string {
	if s.opts.SecureCookies {
		return "__Host-" + base
	}
	return base
}

// sessionCSRF is the CSRF token bound to a session token.
func sessionCSRF(sessionToken string) string {
	m := hmac.New(sha256.New, []byte(sessionToken))
	m.Write([]byte("hallcast csrf v1"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func newAnonCSRF() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return anonPrefix + base64.RawURLEncoding.EncodeToString(b)
}

// CSRF guards a group of routes: safe methods pass and receive the token
// cookie; every other method needs a same-origin (or trusted-origin)
// browser and the token in the header. trusted lists origins
// ("https://host[:port]", lower case) allowed to post from elsewhere.
func (s *Service) CSRF(trusted []string) echo.MiddlewareFunc {
	trusted = slices.Clone(trusted)
	for i, o := range trusted {
		trusted[i] = strings.ToLower(strings.TrimRight(o, "/"))
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			want := s.expectedCSRF(c)
			switch c.Request().Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions:
				if want == "" {
					want = newAnonCSRF()
				}
			default:
				if !fetchSiteAllowed(c.Request(), trusted) {
					return errCSRF
				}
				got := c.Request().Header.Get(CSRFHeader)
				if want == "" || got == "" || !hmac.Equal([]byte(got), []byte(want)) {
					return errCSRF
				}
			}
			if ck, err := c.Cookie(s.CSRFCookie()); err != nil || ck.Value != want {
				s.setCSRFCookie(c, want)
			}
			return next(c)
		}
	}
}

// expectedCSRF is the token the request must carry: the one bound to its
// session cookie, or, without a session, the anonymous token of its CSRF
// cookie; "" when there is none.
func (s *Service) expectedCSRF(c echo.Context) string {
	if ck, err := c.Cookie(s.SessionCookie()); err == nil && ck.Value != "" {
		return sessionCSRF(ck.Value)
	}
	if ck, err := c.Cookie(s.CSRFCookie()); err == nil && strings.HasPrefix(ck.Value, anonPrefix) && len(ck.Value) > 40 {
		return ck.Value
	}
	return ""
}

// fetchSiteAllowed refuses browsers that report a request from another
// origin (Sec-Fetch-Site same-site, cross-site or none) unless its Origin
// is trusted. Clients that send no Sec-Fetch-Site (scripts, old
// browsers) are left to the token check.
func fetchSiteAllowed(r *http.Request, trusted []string) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin":
		return true
	}
	origin := strings.ToLower(r.Header.Get("Origin"))
	return origin != "" && origin != "null" && slices.Contains(trusted, origin)
}

// setCSRFCookie hands the token to the page's scripts.
func (s *Service) setCSRFCookie(c echo.Context, token string) {
	c.SetCookie(&http.Cookie{
		Name: s.CSRFCookie(), Value: token, Path: "/", MaxAge: int(s.opts.SessionTTL.Seconds()),
		SameSite: http.SameSiteStrictMode, Secure: s.secure(c),
	})
}

func (s *Service) secure(c echo.Context) bool {
	return s.opts.SecureCookies || c.Scheme() == "https"
}
