package proof

import (
	"mime"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// query reads from and to (YYYY-MM-DD; to defaults to today, or to from
// when from is later; from defaults to six days before to: the 7 days up
// to to) and notice (a notice id, optional).
func (s *Service) query(c echo.Context) (calendar.Date, calendar.Date, int64, error) {
	var from, to calendar.Date
	var hasFrom, hasTo bool
	for _, p := range []struct {
		name string
		dst  *calendar.Date
		set  *bool
	}{{"from", &from, &hasFrom}, {"to", &to, &hasTo}} {
		if v := c.QueryParam(p.name); v != "" {
			d, err := calendar.ParseDate(v)
			if err != nil {
				return from, to, 0, web.Invalid(p.name, web.CodeInvalid, "want a date YYYY-MM-DD")
			}
			*p.dst, *p.set = d, true
		}
	}
	if !hasTo {
		to = s.today()
		if hasFrom && to.Before(from) {
			to = from // a from after today alone: that one day, not an error
		}
	}
	if !hasFrom {
		from = to.AddDays(-6)
	}
	var notice int64
	if v := c.QueryParam("notice"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return from, to, 0, web.Invalid("notice", web.CodeInvalid, "want a notice id")
		}
		notice = n
	}
	return from, to, notice, nil
}

// HandleReport is GET /api/admin/proof?from=&to=&notice=.
func (s *Service) HandleReport(c echo.Context) error {
	from, to, notice, err := s.query(c)
	if err != nil {
		return err
	}
	rep, err := s.Report(c.Request().Context(), from, to, notice)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, rep)
}

// HandleXLSX is GET /api/admin/proof.xlsx?from=&to=&notice=: the same as
// a workbook download.
func (s *Service) HandleXLSX(c echo.Context) error {
	from, to, notice, err := s.query(c)
	if err != nil {
		return err
	}
	rep, err := s.Report(c.Request().Context(), from, to, notice)
	if err != nil {
		return err
	}
	data, err := rep.XLSX()
	if err != nil {
		return err
	}
	name := "屏幕播放统计_" + rep.From + "_" + rep.To + ".xlsx"
	c.Response().Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	return c.Blob(http.StatusOK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data)
}
