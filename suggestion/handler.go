package suggestion

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleList is GET /api/admin/suggestions?all=1.
func (s *Service) HandleList(c echo.Context) error {
	list, err := s.List(c.Request().Context(), c.QueryParam("all") == "1")
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"suggestions": list})
}

type assignRequest struct {
	UserID int64 `json:"user_id"`
}

type replyRequest struct {
	Reply string `json:"reply"`
}

// HandleAssign is POST /api/admin/suggestions/:id/assign.
func (s *Service) HandleAssign(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var req assignRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if err := s.Assign(c.Request().Context(), auth.Actor(c), id, req.UserID); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// HandleReply is POST /api/admin/suggestions/:id/reply.
func (s *Service) HandleReply(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var req replyRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if err := s.Reply(c.Request().Context(), auth.Actor(c), id, req.Reply); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// HandleClose is POST /api/admin/suggestions/:id/close.
func (s *Service) HandleClose(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.Close(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
