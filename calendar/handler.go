package calendar

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleYears is GET /api/admin/calendar: the stored years.
func (s *Service) HandleYears(c echo.Context) error {
	infos, err := s.Infos(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"years": infos})
}

// HandleYear is GET /api/admin/calendar/:year: one year's list in the
// holiday-cn shape. A year without a stored list answers with its
// provisional list (Statutory) and "provisional": true, so the page can
// show it and an admin can start the official list from it.
func (s *Service) HandleYear(c echo.Context) error {
	year, err := pathYear(c)
	if err != nil {
		return err
	}
	y, ok, err := s.Year(c.Request().Context(), year)
	if err != nil {
		return err
	}
	if !ok {
		if y, err = Statutory(year); err != nil {
			return web.NotFound("calendar year")
		}
	}
	return c.JSON(http.StatusOK, struct {
		Year
		Provisional bool `json:"provisional"`
	}{y, !ok})
}

// HandleImport is POST /api/admin/calendar/import with a holiday-cn file
// as the body; it replaces the list of the file's year and answers with the
// stored list and the dates it moved ("moved").
func (s *Service) HandleImport(c echo.Context) error {
	y, err := ParseHolidayCN(c.Request().Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return web.TooLarge("", mbe.Limit)
		}
		msg := strings.TrimPrefix(err.Error(), "calendar: holiday-cn: ")
		field, _, _ := strings.Cut(msg, ":")
		return web.Invalid(field, web.CodeInvalid, "%s", msg)
	}
	moved, err := s.Import(c.Request().Context(), auth.Actor(c), y)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct {
		Year
		Moved []Moved `json:"moved"`
	}{y, moved})
}

// HandleDeleteYear is DELETE /api/admin/calendar/:year: {"moved": [...]}.
func (s *Service) HandleDeleteYear(c echo.Context) error {
	year, err := pathYear(c)
	if err != nil {
		return err
	}
	moved, err := s.DeleteYear(c.Request().Context(), auth.Actor(c), year)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"moved": moved})
}

type dayRequest struct {
	Name     string `json:"name"`
	IsOffDay *bool  `json:"isOffDay"`
}

// HandleSetDay is PUT /api/admin/calendar/days/:date with
// {"name": "春节", "isOffDay": true}.
func (s *Service) HandleSetDay(c echo.Context) error {
	d, err := pathDate(c)
	if err != nil {
		return err
	}
	var req dayRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if req.IsOffDay == nil {
		return web.Invalid("isOffDay", web.CodeRequired, "required")
	}
	day := Day{Name: req.Name, Date: d, IsOffDay: *req.IsOffDay}
	moved, err := s.SetDay(c.Request().Context(), auth.Actor(c), day)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct {
		Day
		Moved []Moved `json:"moved"`
	}{day, moved})
}

// HandleDeleteDay is DELETE /api/admin/calendar/days/:date: {"moved": [...]}.
func (s *Service) HandleDeleteDay(c echo.Context) error {
	d, err := pathDate(c)
	if err != nil {
		return err
	}
	moved, err := s.DeleteDay(c.Request().Context(), auth.Actor(c), d)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"moved": moved})
}

func pathYear(c echo.Context) (int, error) {
	y, err := strconv.Atoi(c.Param("year"))
	if err != nil || y < 1 || y > 9999 {
		return 0, web.Invalid("year", web.CodeInvalid, "want a year such as 2026")
	}
	return y, nil
}

func pathDate(c echo.Context) (Date, error) {
	d, err := ParseDate(c.Param("date"))
	if err != nil {
		return Date{}, web.Invalid("date", web.CodeInvalid, "want a date YYYY-MM-DD")
	}
	return d, nil
}
