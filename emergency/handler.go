package emergency

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleSend is POST /api/admin/emergencies.
func (s *Service) HandleSend(c echo.Context) error {
	var in Input
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	e, err := s.Send(c.Request().Context(), auth.Actor(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, e)
}

// HandleList is GET /api/admin/emergencies: every active one and the 50
// most recent, newest first (the page shows the receipts of an active one).
func (s *Service) HandleList(c echo.Context) error {
	list, err := s.List(c.Request().Context(), 50)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"emergencies": list})
}

// HandleGet is GET /api/admin/emergencies/:id: the emergency and its
// receipts.
func (s *Service) HandleGet(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	r, err := s.Receipts(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

// HandleClear is POST /api/admin/emergencies/:id/clear.
func (s *Service) HandleClear(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	e, err := s.Clear(c.Request().Context(), auth.Actor(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, e)
}
