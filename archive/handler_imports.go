package archive

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleListImports is GET /api/admin/archive/imports?dataset_id=&limit=.
func (s *Service) HandleListImports(c echo.Context) error {
	var datasetID int64
	if v := c.QueryParam("dataset_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return web.Invalid("dataset_id", web.CodeInvalid, "want a positive whole number")
		}
		datasetID = id
	}
	limit, err := web.QueryInt(c, "limit", 50, 1, 500)
	if err != nil {
		return err
	}
	list, err := s.Imports(c.Request().Context(), datasetID, limit)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"imports": list})
}

// HandleGetImport is GET /api/admin/archive/imports/:id: the progress of a
// running import, or the result and report of a finished one.
func (s *Service) HandleGetImport(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	im, err := s.GetImport(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, im)
}

// HandleCancelImport is POST /api/admin/archive/imports/:id/cancel.
func (s *Service) HandleCancelImport(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.CancelImport(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
