package auth

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// HandleListUsers is GET /api/admin/users.
func (s *Service) HandleListUsers(c echo.Context) error {
	users, err := s.List(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"users": users})
}

type createdUser struct {
	User     *User  `json:"user"`
	Password string `json:"password,omitempty"`
}

// HandleCreateUser is POST /api/admin/users. A generated password is
// returned once in the response and never again.
func (s *Service) HandleCreateUser(c echo.Context) error {
	var nu NewUser
	if err := web.Bind(c, &nu); err != nil {
		return err
	}
	generated := nu.Password == ""
	u, pw, err := s.Create(c.Request().Context(), Actor(c), nu)
	if err != nil {
		return err
	}
	out := createdUser{User: u}
	if generated {
		out.Password = pw
	}
	return c.JSON(http.StatusCreated, out)
}

// HandleUpdateUser is PATCH /api/admin/users/:id.
func (s *Service) HandleUpdateUser(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var ch Change
	if err := web.Bind(c, &ch); err != nil {
		return err
	}
	u, err := s.Update(c.Request().Context(), Actor(c), id, ch)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, u)
}

type resetRequest struct {
	Password string `json:"password"`
}

// HandleResetPassword is POST /api/admin/users/:id/password. Without a
// password in the body a random one is generated and returned once; the
// user must change it at the next login.
func (s *Service) HandleResetPassword(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var req resetRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	pw, err := s.SetPassword(c.Request().Context(), Actor(c), id, req.Password, true)
	if err != nil {
		return err
	}
	out := map[string]string{}
	if req.Password == "" {
		out["password"] = pw
	}
	return c.JSON(http.StatusOK, out)
}
