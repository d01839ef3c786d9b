package alert

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// HandleStates is GET /api/admin/alerts/active: the open alerts and the
// 50 most recently resolved.
func (s *Service) HandleStates(c echo.Context) error {
	list, err := s.States(c.Request().Context(), 50)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"alerts": list})
}

// HandleMessages is GET /api/admin/alerts/messages?channel=&limit=: the
// delivery log, newest first.
func (s *Service) HandleMessages(c echo.Context) error {
	ch, err := web.QueryInt(c, "channel", 0, 0, 1<<31-1)
	if err != nil {
		return err
	}
	limit, err := web.QueryInt(c, "limit", 100, 1, 500)
	if err != nil {
		return err
	}
	list, err := s.Messages(c.Request().Context(), int64(ch), limit)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"messages": list})
}

// HandleMessage is GET /api/admin/alerts/messages/:id: one message with
// each attempt and its answer.
func (s *Service) HandleMessage(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	m, err := s.Message(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, m)
}
