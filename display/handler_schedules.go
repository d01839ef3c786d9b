package display

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleSchedules is GET /api/admin/screens/schedules: the schedules and
// the power schedules.
func (s *Service) HandleSchedules(c echo.Context) error {
	ctx := c.Request().Context()
	list, err := s.Schedules(ctx)
	if err != nil {
		return err
	}
	power, err := s.PowerSchedules(ctx)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"schedules": list, "power": power})
}

// HandleSaveSchedule is POST /api/admin/screens/schedules and PUT
// /api/admin/screens/schedules/:id.
func (s *Service) HandleSaveSchedule(c echo.Context) error {
	id, status, err := optionalID(c)
	if err != nil {
		return err
	}
	var in ScheduleInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	sc, err := s.SaveSchedule(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(status, sc)
}

// HandleDeleteSchedule is DELETE /api/admin/screens/schedules/:id.
func (s *Service) HandleDeleteSchedule(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.DeleteSchedule(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// HandleSavePower is POST /api/admin/screens/power and PUT
// /api/admin/screens/power/:id.
func (s *Service) HandleSavePower(c echo.Context) error {
	id, status, err := optionalID(c)
	if err != nil {
		return err
	}
	var in PowerInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	p, err := s.SavePower(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(status, p)
}

// HandleDeletePower is DELETE /api/admin/screens/power/:id.
func (s *Service) HandleDeletePower(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.DeletePower(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
