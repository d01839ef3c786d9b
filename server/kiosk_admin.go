package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/rating"
)

// handleKioskSummary is GET /api/admin/kiosk/summary: the dashboard's
// flags for the kiosk side: disclosure requests due soon or overdue, open
// and overdue rating follow-ups, unanswered suggestions.
func (a *App) handleKioskSummary(c echo.Context) error {
	ctx := c.Request().Context()
	disc, err := a.Disclosure.Summarize(ctx)
	if err != nil {
		return err
	}
	open, err := a.Ratings.List(ctx, rating.Filter{OpenOnly: true, Limit: 500})
	if err != nil {
		return err
	}
	overdue := 0
	for _, r := range open {
		if r.Overdue {
			overdue++
		}
	}
	sugg, err := a.Suggestions.Open(ctx)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{
		"disclosure":  disc,
		"followups":   map[string]int{"open": len(open), "overdue": overdue},
		"suggestions": map[string]int{"open": sugg},
	})
}

// assignee is a user who can be given a request, follow-up or message.
type assignee struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// handleAssignees is GET /api/admin/assignees: the active editors and
// admins, for the assign menus.
func (a *App) handleAssignees(c echo.Context) error {
	users, err := a.Auth.List(c.Request().Context())
	if err != nil {
		return err
	}
	out := []assignee{}
	for _, u := range users {
		if u.Disabled || (u.Role != "editor" && u.Role != "admin") {
			continue
		}
		name := u.DisplayName
		if name == "" {
			name = u.Username
		}
		out = append(out, assignee{ID: u.ID, Name: name})
	}
	return c.JSON(http.StatusOK, map[string]any{"assignees": out})
}
