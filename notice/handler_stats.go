package notice

import (
	"mime"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// statsRange reads from and to (YYYY-MM-DD); the default is this year
// up to today.
func (s *Service) statsRange(c echo.Context) (calendar.Date, calendar.Date, error) {
	today := s.today()
	from, to := calendar.Date{Year: today.Year, Month: 1, Day: 1}, today
	for _, p := range []struct {
		name string
		dst  *calendar.Date
	}{{"from", &from}, {"to", &to}} {
		if v := c.QueryParam(p.name); v != "" {
			d, err := calendar.ParseDate(v)
			if err != nil {
				return from, to, web.Invalid(p.name, web.CodeInvalid, "want a date YYYY-MM-DD")
			}
			*p.dst = d
		}
	}
	return from, to, nil
}

// HandleStats is GET /api/admin/stats?from=&to=.
func (s *Service) HandleStats(c echo.Context) error {
	from, to, err := s.statsRange(c)
	if err != nil {
		return err
	}
	st, err := s.Stats(c.Request().Context(), from, to)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, st)
}

// HandleStatsXLSX is GET /api/admin/stats.xlsx?from=&to=: the same as a
// workbook download.
func (s *Service) HandleStatsXLSX(c echo.Context) error {
	from, to, err := s.statsRange(c)
	if err != nil {
		return err
	}
	st, err := s.Stats(c.Request().Context(), from, to)
	if err != nil {
		return err
	}
	data, err := st.XLSX()
	if err != nil {
		return err
	}
	name := "政务公开统计_" + st.From + "_" + st.To + ".xlsx"
	c.Response().Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	return c.Blob(http.StatusOK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data)
}
