package catalogue

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleTree is GET /api/admin/categories: the tree with freshness.
func (s *Service) HandleTree(c echo.Context) error {
	tree, err := s.Tree(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"categories": tree})
}

// HandleCreate is POST /api/admin/categories.
func (s *Service) HandleCreate(c echo.Context) error {
	var in Input
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	cat, err := s.Create(c.Request().Context(), auth.Actor(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, cat)
}

// HandleUpdate is PUT /api/admin/categories/:id with the whole Input.
func (s *Service) HandleUpdate(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var in Input
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	cat, err := s.Update(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cat)
}

// HandleDelete is DELETE /api/admin/categories/:id.
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
