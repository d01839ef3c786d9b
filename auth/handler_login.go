package auth

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/web"
)

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// cookie builds the session cookie. Its lifetime is relative (Max-Age,
// not Expires), so a browser whose clock disagrees with the server's
// keeps it exactly as long as the server keeps the session; maxAge < 0
// deletes it.
func (s *Service) cookie(c echo.Context, value string, maxAge time.Duration) *http.Cookie {
	age := int(maxAge / time.Second)
	if maxAge < 0 {
		age = -1
	}
	return &http.Cookie{
		Name: s.SessionCookie(), Value: value, Path: "/", MaxAge: age,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.secure(c),
	}
}

// startSession hands a new session to the browser, with its CSRF token.
func (s *Service) startSession(c echo.Context, token string) {
	c.SetCookie(s.cookie(c, token, s.opts.SessionTTL))
	s.setCSRFCookie(c, sessionCSRF(token))
}

// HandleLogin is POST /api/admin/login.
func (s *Service) HandleLogin(c echo.Context) error {
	var req loginRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	var chk web.Check
	chk.That(req.Username != "", "username", web.CodeRequired, "required")
	chk.That(req.Password != "", "password", web.CodeRequired, "required")
	if err := chk.Err(); err != nil {
		return err
	}
	u, token, err := s.Login(c.Request().Context(), req.Username, req.Password, c.RealIP(), c.Request().UserAgent())
	if err != nil {
		return err
	}
	s.startSession(c, token)
	return c.JSON(http.StatusOK, u)
}

// HandleLogout is POST /api/admin/logout.
func (s *Service) HandleLogout(c echo.Context) error {
	if ck, err := c.Cookie(s.SessionCookie()); err == nil {
		if err := s.EndSession(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	c.SetCookie(s.cookie(c, "", -1))
	s.setCSRFCookie(c, newAnonCSRF())
	return c.NoContent(http.StatusNoContent)
}

// me is the logged-in user with the server's clock: the pages show times
// in its zone and take now and today from it, never from the browser.
type me struct {
	*User
	clock.Reading
}

// HandleMe is GET /api/admin/me.
func (s *Service) HandleMe(c echo.Context) error {
	return c.JSON(http.StatusOK, me{User: CurrentUser(c), Reading: clock.Read(s.opts.Clock, s.opts.Location)})
}

type passwordChange struct {
	Current string `json:"current"`
	New     string `json:"new"`
}

// HandleChangeOwnPassword is POST /api/admin/me/password. The current
// password is required; other sessions of the user end.
func (s *Service) HandleChangeOwnPassword(c echo.Context) error {
	var req passwordChange
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	u := CurrentUser(c)
	if !s.CheckPassword(u, req.Current) {
		return web.Invalid("current", web.CodeBadCredential, "the current password is wrong")
	}
	if req.New == req.Current {
		return web.Invalid("new", web.CodeInvalid, "choose a password different from the current one")
	}
	var chk web.Check
	checkPassword(&chk, "new", req.New, u.Username, u.DisplayName)
	if err := chk.Err(); err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := s.SetPassword(ctx, Actor(c), u.ID, req.New, false); err != nil {
		return err
	}
	// SetPassword ended every session; open a new one for this browser.
	_, token, err := s.Login(ctx, u.Username, req.New, c.RealIP(), c.Request().UserAgent())
	if err != nil {
		return err
	}
	s.startSession(c, token)
	return c.NoContent(http.StatusNoContent)
}
