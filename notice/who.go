package notice

import (
	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
)

// Who is the person acting: their audit identity and role.
type Who struct {
	audit.Actor
	Role auth.Role
}

// WhoOf returns the logged-in user of a request.
func WhoOf(c echo.Context) Who {
	w := Who{Actor: auth.Actor(c)}
	if u := auth.CurrentUser(c); u != nil {
		w.Role = u.Role
	}
	return w
}

// can reports whether the person's role passes a check for need.
func (w Who) can(need auth.Role) bool { return w.Role.Allows(need) }
