package web

import (
	"strconv"

	"github.com/labstack/echo/v4"
)

// PathID reads a positive integer path parameter.
func PathID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, Invalid(name, CodeInvalid, "want a positive whole number")
	}
	return id, nil
}

// QueryInt reads an optional integer query parameter within [min, max],
// returning def when it is absent.
func QueryInt(c echo.Context, name string, def, min, max int) (int, error) {
	v := c.QueryParam(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		return 0, Invalid(name, CodeOutOfRange, "want a whole number from %d to %d", min, max)
	}
	return n, nil
}
