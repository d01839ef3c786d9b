package web

import (
	"unicode/utf8"

	"github.com/labstack/echo/v4"
)

// CleanInput refuses requests whose path or query parameters hold bytes
// that are not UTF-8 or characters TextProblem refuses, with a 400 naming
// the parameter ("path" for the path), before any handler passes them to
// the database (PostgreSQL rejects NUL and bad UTF-8 with an error that
// would otherwise be a 500).
func CleanInput() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			r := c.Request()
			if e := inputProblem("path", r.URL.Path); e != nil {
				return e
			}
			if r.URL.RawQuery != "" {
				for name, vs := range r.URL.Query() {
					if e := inputProblem(name, name); e != nil {
						return e
					}
					for _, v := range vs {
						if e := inputProblem(name, v); e != nil {
							return e
						}
					}
				}
			}
			return next(c)
		}
	}
}

func inputProblem(field, v string) *Error {
	if !utf8.ValidString(v) {
		return Invalid(field, CodeInvalidCharacter, "not valid UTF-8 text")
	}
	return TextProblem(field, v)
}
