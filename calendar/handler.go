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
// holiday-cn shape.
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
		return web.NotFound("calendar year")
	}
	return c.JSON(http.StatusOK, y)
}

// HandleImport is POST /api/admin/calendar/import with a holiday-cn file
// as the body; it replaces the list of the file's year.
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
	if err := s.Import(c.Request().Context(), auth.Actor(c), y); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, y)
}

// HandleDeleteYear is DELETE /api/admin/calendar/:year.
func (s *Service) HandleDeleteYear(c echo.Context) error {
	year, err := pathYear(c)
	if err != nil {
		return err
	}
	if err := s.DeleteYear(c.Request().Context(), auth.Actor(c), year); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
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
	if err := s.SetDay(c.Request().Context(), auth.Actor(c), day); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, day)
}

// HandleDeleteDay is DELETE /api/admin/calendar/days/:date.
func (s *Service) HandleDeleteDay(c echo.Context) error {
	d, err := pathDate(c)
	if err != nil {
		return err
	}
	if err := s.DeleteDay(c.Request().Context(), auth.Actor(c), d); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
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
