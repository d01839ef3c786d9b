package auth

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/web"
)

const ctxUser = "auth.user"

// Session loads the user of the session cookie, if any, into the request
// context. It does not refuse anonymous requests; Require does.
func (s *Service) Session() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ck, err := c.Cookie(s.SessionCookie())
			if err == nil && ck.Value != "" {
				u, err := s.SessionUser(c.Request().Context(), ck.Value)
				if err != nil {
					return err
				}
				if u != nil {
					c.Set(ctxUser, u)
				}
			}
			return next(c)
		}
	}
}

// CurrentUser returns the logged-in user of the request, or nil.
func CurrentUser(c echo.Context) *User {
	u, _ := c.Get(ctxUser).(*User)
	return u
}

// Actor is the audit actor of the request.
func Actor(c echo.Context) audit.Actor {
	a := audit.Actor{IP: c.RealIP()}
	if u := CurrentUser(c); u != nil {
		a.ID, a.Name = u.ID, u.Username
	}
	return a
}

// Require refuses requests without a login (401) or whose user's role does
// not allow need (403). RoleAdmin passes every check; an empty need asks
// only for a login. A user who must change the password is refused
// everything but the routes guarded by AllowPasswordChange.
func Require(need Role) echo.MiddlewareFunc {
	return require(need, false)
}

// AllowPasswordChange requires a login but lets a user who must change
// the password through (for me, logout and the password change itself).
func AllowPasswordChange() echo.MiddlewareFunc {
	return require("", true)
}

func require(need Role, passwordChange bool) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u := CurrentUser(c)
			if u == nil {
				return web.Unauthorized()
			}
			if u.MustChangePassword && !passwordChange {
				return &web.Error{Status: http.StatusForbidden, Code: "password_change_required", Message: "choose a new password first"}
			}
			if !u.Role.Allows(need) {
				return web.Forbidden("this needs the %s role", need)
			}
			return next(c)
		}
	}
}
