package kiosk

import (
	"net/http"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/web"
)

// HandleSearch is GET /api/kiosk/search?q=&category=&year=&page=. Any
// text is a valid query (no syntax); an empty one finds nothing.
func (a *API) HandleSearch(c echo.Context) error {
	q := c.QueryParam("q")
	if utf8.RuneCountInString(q) > 100 {
		return web.Invalid("q", web.CodeTooLong, "at most 100 characters")
	}
	cat, err := web.QueryInt(c, "category", 0, 0, 1<<30)
	if err != nil {
		return err
	}
	year, err := web.QueryInt(c, "year", 0, 0, 9999)
	if err != nil {
		return err
	}
	page, err := web.QueryInt(c, "page", 1, 1, 50)
	if err != nil {
		return err
	}
	res, err := a.o.Search.Search(c.Request().Context(), search.Params{Query: q, CategoryID: int64(cat), Year: year, Page: page, PerPage: 10})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}

// HandleSearchYears is GET /api/kiosk/search/years: the year filter.
func (a *API) HandleSearchYears(c echo.Context) error {
	years, err := a.o.Search.Years(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"years": years})
}
