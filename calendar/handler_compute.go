package calendar

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// computed is the answer of HandleCompute.
type computed struct {
	From   Date   `json:"from"`
	Period Period `json:"period"`
	End    Date   `json:"end"`
	// Workdays counts the working days in (from, end].
	Workdays int `json:"workdays"`
	// Provisional says the end relies on a year without a holiday list.
	Provisional bool `json:"provisional"`
}

// HandleCompute is GET /api/admin/calendar/compute?from=2026-02-13&n=7&unit=workdays:
// the end of a period by the stored lists, as the notice editor shows it.
func (s *Service) HandleCompute(c echo.Context) error {
	from, err := ParseDate(c.QueryParam("from"))
	if err != nil {
		return web.Invalid("from", web.CodeInvalid, "want a date YYYY-MM-DD")
	}
	n, err := web.QueryInt(c, "n", 0, 1, MaxPeriodN)
	if err != nil {
		return err
	}
	if n == 0 {
		return web.Invalid("n", web.CodeRequired, "required")
	}
	p := Period{N: n, Unit: Unit(c.QueryParam("unit"))}
	if p.Unit != UnitWorkdays && p.Unit != UnitDays {
		return web.Invalid("unit", web.CodeInvalid, "want workdays or days")
	}
	cal, err := s.Calendar(c.Request().Context())
	if err != nil {
		return err
	}
	end, err := p.End(from, cal)
	if err != nil {
		return CoverageError("period", err)
	}
	wd, err := cal.WorkdaysBetween(from, end)
	if err != nil {
		return CoverageError("period", err)
	}
	return c.JSON(http.StatusOK, computed{From: from, Period: p, End: end, Workdays: wd, Provisional: cal.Provisional(from, end)})
}

// CodeNotCovered is the API error code of a computation that needs a
// year without a stored holiday list.
const CodeNotCovered web.Code = "calendar_not_covered"

// CoverageError turns a computation error into an API error on field: a
// year without a list becomes CodeNotCovered with the year in Params
// ("load the 2027 list first"); other errors are returned as they are.
func CoverageError(field string, err error) error {
	var nc *NotCoveredError
	if errors.As(err, &nc) {
		e := web.Invalid(field, CodeNotCovered, "no holiday list is loaded for %d; import it on the calendar page", nc.Year)
		e.Params = map[string]any{"year": nc.Year}
		return e
	}
	return err
}
