package display

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleScreens is GET /api/admin/screens?revoked=1: the screens and the
// profile presets.
func (s *Service) HandleScreens(c echo.Context) error {
	list, err := s.Screens(c.Request().Context(), c.QueryParam("revoked") == "1")
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"screens": list, "presets": Presets})
}

type pairRequest struct {
	Code string `json:"code"`
	ScreenInput
}

// HandlePair is POST /api/admin/screens/pair: claim a screen's code and
// set its name, profile and groups at once.
func (s *Service) HandlePair(c echo.Context) error {
	var req pairRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if s.opts.Devices == nil {
		return web.State("pairing is not available")
	}
	sc, err := s.PairScreen(c.Request().Context(), auth.Actor(c), s.opts.Devices, req.Code, req.ScreenInput)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, sc)
}

// HandleUpdateScreen is PUT /api/admin/screens/:id.
func (s *Service) HandleUpdateScreen(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var in ScreenInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	sc, err := s.UpdateScreen(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sc)
}

// HandleGroups is GET /api/admin/screen-groups.
func (s *Service) HandleGroups(c echo.Context) error {
	list, err := s.Groups(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"groups": list})
}

// HandleCreateGroup is POST /api/admin/screen-groups.
func (s *Service) HandleCreateGroup(c echo.Context) error {
	var in GroupInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	g, err := s.CreateGroup(c.Request().Context(), auth.Actor(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, g)
}

// HandleUpdateGroup is PUT /api/admin/screen-groups/:id.
func (s *Service) HandleUpdateGroup(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var in GroupInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	g, err := s.UpdateGroup(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, g)
}

// HandleDeleteGroup is DELETE /api/admin/screen-groups/:id.
func (s *Service) HandleDeleteGroup(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.DeleteGroup(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
