package disclosure

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// HandleList is GET /api/admin/disclosure/requests?all=1, with the
// hall's today (the latest receipt date the registration form allows).
func (s *Service) HandleList(c echo.Context) error {
	list, err := s.List(c.Request().Context(), c.QueryParam("all") == "1")
	if err != nil {
		return err
	}
	today := s.today()
	return c.JSON(http.StatusOK, map[string]any{"requests": list, "today": today, "earliest_receipt": earliestReceipt(today)})
}

// HandleGet is GET /api/admin/disclosure/requests/:id.
func (s *Service) HandleGet(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	r, err := s.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

type actRequest struct {
	Kind    EventKind `json:"kind"`
	Date    string    `json:"date"`
	Days    int       `json:"days"`
	Outcome Outcome   `json:"outcome"`
	Text    string    `json:"text"`
}

// HandleAct is POST /api/admin/disclosure/requests/:id/events with
// {"kind", "date" (optional, YYYY-MM-DD), "days", "outcome", "text"}.
func (s *Service) HandleAct(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var req actRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	e := Event{Kind: req.Kind, Days: req.Days, Outcome: req.Outcome, Text: req.Text}
	if req.Date != "" {
		if e.Date, err = calendar.ParseDate(req.Date); err != nil {
			return web.Invalid("date", web.CodeInvalid, "want YYYY-MM-DD")
		}
	}
	if _, err := s.Act(c.Request().Context(), auth.Actor(c), id, e); err != nil {
		return err
	}
	r, err := s.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

type assignRequest struct {
	UserID int64 `json:"user_id"`
}

// HandleAssign is POST /api/admin/disclosure/requests/:id/assign.
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

// HandleSummary is GET /api/admin/disclosure/summary: the dashboard flags.
func (s *Service) HandleSummary(c echo.Context) error {
	sum, err := s.Summarize(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sum)
}

// HandleOutcomes is GET /api/admin/disclosure/outcomes: the seven
// outcomes of 第三十六条 with their labels.
func (s *Service) HandleOutcomes(c echo.Context) error {
	out := make([]map[string]string, 0, len(Outcomes))
	for _, o := range Outcomes {
		out = append(out, map[string]string{"value": string(o), "label": o.Label()})
	}
	return c.JSON(http.StatusOK, map[string]any{"outcomes": out})
}
