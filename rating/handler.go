package rating

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleList is GET /api/admin/ratings?bad=1&open=1.
func (s *Service) HandleList(c echo.Context) error {
	list, err := s.List(c.Request().Context(), Filter{BadOnly: c.QueryParam("bad") == "1", OpenOnly: c.QueryParam("open") == "1"})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"ratings": list, "labels": Labels})
}

type assignRequest struct {
	UserID int64 `json:"user_id"`
}

// HandleAssign is POST /api/admin/ratings/followups/:id/assign.
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

type closeRequest struct {
	Resolution string `json:"resolution"`
}

// HandleClose is POST /api/admin/ratings/followups/:id/close.
func (s *Service) HandleClose(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var req closeRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if err := s.Close(c.Request().Context(), auth.Actor(c), id, req.Resolution); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// HandleStats is GET /api/admin/ratings/stats?from=YYYY-MM-DD&to=YYYY-MM-DD
// (to inclusive; default: the last 30 days).
func (s *Service) HandleStats(c echo.Context) error {
	loc := s.opts.Location
	now := s.opts.Clock.Now().In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	from, to := today.AddDate(0, 0, -29), today.AddDate(0, 0, 1)
	var err error
	if v := c.QueryParam("from"); v != "" {
		if from, err = time.ParseInLocation("2006-01-02", v, loc); err != nil {
			return web.Invalid("from", web.CodeInvalid, "want YYYY-MM-DD")
		}
	}
	if v := c.QueryParam("to"); v != "" {
		t, err := time.ParseInLocation("2006-01-02", v, loc)
		if err != nil {
			return web.Invalid("to", web.CodeInvalid, "want YYYY-MM-DD")
		}
		to = t.AddDate(0, 0, 1)
	}
	stats, err := s.Stats(c.Request().Context(), from, to)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"from": from.Format("2006-01-02"), "to": to.AddDate(0, 0, -1).Format("2006-01-02"), "stats": stats})
}
