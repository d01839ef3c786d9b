package scheduler

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleList is GET /api/admin/jobs.
func (s *Scheduler) HandleList(c echo.Context) error {
	jobs, err := s.Jobs(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"jobs": jobs, "timezone": s.opts.Location.String()})
}

type scheduleRequest struct {
	Spec    string `json:"spec"`
	Enabled bool   `json:"enabled"`
}

// HandleSetSchedule is PUT /api/admin/jobs/:name.
func (s *Scheduler) HandleSetSchedule(c echo.Context) error {
	var req scheduleRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if err := s.SetSchedule(c.Request().Context(), auth.Actor(c), c.Param("name"), req.Spec, req.Enabled); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

type checkRequest struct {
	Spec string `json:"spec"`
}

// HandleCheck is POST /api/admin/jobs/check: validates an expression and
// reads it aloud with its next runs, for the editor's live feedback.
func (s *Scheduler) HandleCheck(c echo.Context) error {
	var req checkRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	sched, err := Parse(req.Spec)
	if err != nil {
		return web.Invalid("spec", web.CodeInvalid, "%v", err)
	}
	zh, en := Describe(req.Spec)
	return c.JSON(http.StatusOK, map[string]any{
		"description_zh": zh, "description_en": en, "timezone": s.opts.Location.String(),
		"next": NextRuns(sched, s.opts.Clock.Now(), s.opts.Location, 5),
	})
}

// HandleRunNow is POST /api/admin/jobs/:name/run.
func (s *Scheduler) HandleRunNow(c echo.Context) error {
	name := c.Param("name")
	if s.entry(name) == nil {
		return web.NotFound("job")
	}
	ctx := c.Request().Context()
	if err := audit.Record(ctx, s.db, auth.Actor(c), audit.Entry{At: s.opts.Clock.Now(), Action: "job.run", ObjectType: "job:" + name}); err != nil {
		return err
	}
	s.RunNow(name)
	return c.NoContent(http.StatusAccepted)
}

// HandleRuns is GET /api/admin/jobs/:name/runs?limit=.
func (s *Scheduler) HandleRuns(c echo.Context) error {
	if s.entry(c.Param("name")) == nil {
		return web.NotFound("job")
	}
	limit, err := web.QueryInt(c, "limit", 50, 1, 500)
	if err != nil {
		return err
	}
	runs, err := s.Runs(c.Request().Context(), c.Param("name"), limit)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"runs": runs})
}
