package stats

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// maxRangeDays bounds one request's range.
const maxRangeDays = 800

// HandleDaily is GET /api/admin/stats/daily?from=&to=&metric=: the stored
// daily figures, by default of the last 30 days. metric filters by prefix
// ("kiosk.", "rating.").
func (s *Service) HandleDaily(c echo.Context) error {
	now := s.o.Clock.Now().In(s.o.Location)
	to := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.o.Location)
	from := to.AddDate(0, 0, -30)
	for _, p := range []struct {
		name string
		dst  *time.Time
	}{{"from", &from}, {"to", &to}} {
		if v := c.QueryParam(p.name); v != "" {
			d, err := time.ParseInLocation(dayLayout, v, s.o.Location)
			if err != nil {
				return web.Invalid(p.name, web.CodeInvalid, "want a date YYYY-MM-DD")
			}
			*p.dst = d
		}
	}
	if to.Before(from) {
		return web.Invalid("to", web.CodeInvalid, "must not be before from")
	}
	if to.Sub(from) > maxRangeDays*24*time.Hour {
		return web.Invalid("from", web.CodeInvalid, "at most %d days at a time", maxRangeDays)
	}
	metric := c.QueryParam("metric")
	if len(metric) > 64 {
		return web.Invalid("metric", web.CodeInvalid, "at most 64 characters")
	}
	days, err := s.Daily(c.Request().Context(), from, to, metric)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"from": from.Format(dayLayout), "to": to.Format(dayLayout), "days": days})
}
