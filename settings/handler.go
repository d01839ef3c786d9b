package settings

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleList is GET /api/admin/settings.
func (s *Service) HandleList(c echo.Context) error {
	entries, err := s.List(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"settings": entries})
}

type setRequest struct {
	Value json.RawMessage `json:"value"`
}

// HandleSet is PUT /api/admin/settings/:key with {"value": ...}.
func (s *Service) HandleSet(c echo.Context) error {
	var req setRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if len(req.Value) == 0 {
		return web.Invalid("value", web.CodeRequired, "required")
	}
	key := c.Param("key")
	if err := s.Set(c.Request().Context(), auth.Actor(c), key, req.Value); err != nil {
		return err
	}
	v, err := s.Raw(c.Request().Context(), key)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"key": key, "value": v})
}
