package feed

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleList is GET /api/admin/feeds.
func (s *Service) HandleList(c echo.Context) error {
	list, err := s.List(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"sources": list})
}

// HandleCreate is POST /api/admin/feeds.
func (s *Service) HandleCreate(c echo.Context) error {
	var in Input
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	src, err := s.Create(c.Request().Context(), auth.Actor(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, src)
}

// HandleUpdate is PUT /api/admin/feeds/:id.
func (s *Service) HandleUpdate(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var in Input
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	src, err := s.Update(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, src)
}

// HandleDelete is DELETE /api/admin/feeds/:id.
func (s *Service) HandleDelete(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.Delete(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// HandleCheck is POST /api/admin/feeds/:id/check: fetch now and report.
// A feed failure is part of the report (200), not an error of the request.
func (s *Service) HandleCheck(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	src, err := s.Get(ctx, id)
	if err != nil {
		return err
	}
	out, checkErr := s.Check(ctx, src)
	resp := map[string]any{"outcome": out}
	if checkErr != nil {
		resp["error"] = checkErr.Error()
	}
	return c.JSON(http.StatusOK, resp)
}
