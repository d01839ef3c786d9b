package site

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// HandleNotice is GET /gk/n/:id: one published or expired notice; any
// other notice (draft, in review, refused, withdrawn) is a 404 like a
// number that does not exist.
func (s *Site) HandleNotice(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return web.NotFound("notice")
	}
	return s.page(c, "notice", noticeURL(id), func() (*view, error) {
		ctx := c.Request().Context()
		p, err := s.o.Notices.PublicNotice(ctx, id)
		if err != nil {
			return nil, err
		}
		base := s.base(c)
		nv, err := s.noticeView(ctx, base, p)
		if err != nil {
			return nil, err
		}
		v := s.newView(c, "catalogue", p.Title, describe(p.Text, p.Title), noticeURL(id))
		v.Crumbs = append(s.crumbs(ctx, p.CategoryID), link{Label: p.Title})
		v.Data = nv
		return v, nil
	})
}

// describe makes a <meta name=description> from a text: its first 120
// characters on one line.
func describe(text, fallback string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return fallback
	}
	if utf8.RuneCountInString(text) > 120 {
		r := []rune(text)
		text = string(r[:120]) + "…"
	}
	return text
}

// itoa formats an ID for paths.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
