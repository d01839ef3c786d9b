package site

import (
	"fmt"
	"net/url"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/web"
)

// results is what the search page shows.
type results struct {
	Query string
	*search.Result
	Pages      int
	Prev, Next string
}

// HandleSearch is GET /gk/search?q=&page=: the kiosk's search (the same
// index of public text), 10 hits a page. It is rate limited per address.
func (s *Site) HandleSearch(c echo.Context) error {
	q := c.QueryParam("q")
	if utf8.RuneCountInString(q) > 100 {
		return web.Invalid("q", web.CodeTooLong, "at most 100 characters")
	}
	page, err := web.QueryInt(c, "page", 1, 1, 50)
	if err != nil {
		return err
	}
	r := &results{Query: q}
	if q != "" {
		res, err := s.o.Index.Search(c.Request().Context(), search.Params{Query: q, Page: page, PerPage: 10})
		if err != nil {
			return err
		}
		r.Result = res
		r.Pages = min((res.Total+9)/10, 50)
		at := func(n int) string { return fmt.Sprintf("%s/search?q=%s&page=%d", Prefix, url.QueryEscape(q), n) }
		if page > 1 {
			r.Prev = at(page - 1)
		}
		if page < r.Pages {
			r.Next = at(page + 1)
		}
	}
	title := "搜索"
	if q != "" {
		title = "搜索：" + q
	}
	v := s.newView(c, "search", title, "在主动公开的政府信息中搜索。", Prefix+"/search")
	v.Crumbs = []link{{Label: "首页", Href: Prefix + "/"}, {Label: "搜索"}}
	v.Data = r
	return s.private(c, 200, "search", v)
}
