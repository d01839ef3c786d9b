package alert

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// conditionInfo describes a condition for the admin page.
type conditionInfo struct {
	Kind          string `json:"kind"`
	Title         string `json:"title"`
	TitleEN       string `json:"title_en"`
	Unit          string `json:"unit"`
	Threshold     int    `json:"threshold"`
	Min           int    `json:"min"`
	Max           int    `json:"max"`
	RemindMinutes int    `json:"remind_minutes"`
	Urgent        bool   `json:"urgent"`
}

// HandleRules is GET /api/admin/alerts/rules: the rules and the conditions
// they can watch.
func (s *Service) HandleRules(c echo.Context) error {
	rules, err := s.Rules(c.Request().Context())
	if err != nil {
		return err
	}
	conds := []conditionInfo{}
	for _, k := range s.Conditions() {
		conds = append(conds, conditionInfo{Kind: k.Kind, Title: k.Title, TitleEN: k.TitleEN, Unit: k.Unit, Threshold: k.Threshold,
			Min: k.Min, Max: k.Max, RemindMinutes: k.RemindMinutes, Urgent: k.Urgent})
	}
	return c.JSON(http.StatusOK, map[string]any{"rules": rules, "conditions": conds})
}

// HandleSaveRule is POST /api/admin/alerts/rules and PUT .../:id.
func (s *Service) HandleSaveRule(c echo.Context) error {
	var id int64
	if c.Param("id") != "" {
		var err error
		if id, err = web.PathID(c, "id"); err != nil {
			return err
		}
	}
	var in RuleInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	r, err := s.SaveRule(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if id == 0 {
		status = http.StatusCreated
	}
	return c.JSON(status, r)
}

// HandleDeleteRule is DELETE /api/admin/alerts/rules/:id.
func (s *Service) HandleDeleteRule(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.DeleteRule(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// HandleGroups is GET /api/admin/alerts/groups.
func (s *Service) HandleGroups(c echo.Context) error {
	list, err := s.Groups(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"groups": list})
}

// HandleSaveGroup is POST /api/admin/alerts/groups and PUT .../:id.
func (s *Service) HandleSaveGroup(c echo.Context) error {
	var id int64
	if c.Param("id") != "" {
		var err error
		if id, err = web.PathID(c, "id"); err != nil {
			return err
		}
	}
	var in GroupInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	g, err := s.SaveGroup(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if id == 0 {
		status = http.StatusCreated
	}
	return c.JSON(status, g)
}

// HandleDeleteGroup is DELETE /api/admin/alerts/groups/:id.
func (s *Service) HandleDeleteGroup(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.DeleteGroup(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
