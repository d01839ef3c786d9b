package kiosk

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// HandleCategories is GET /api/kiosk/categories.
func (a *API) HandleCategories(c echo.Context) error {
	cats, err := a.o.Content.Categories(c.Request().Context())
	if err != nil {
		return wrap("list categories", err)
	}
	if cats == nil {
		cats = []Category{}
	}
	return c.JSON(http.StatusOK, map[string]any{"categories": cats})
}

// HandleNotices is GET /api/kiosk/notices?category=&kind=&page=: a list,
// newest first, 10 a page.
func (a *API) HandleNotices(c echo.Context) error {
	cat, err := web.QueryInt(c, "category", 0, 0, 1<<30)
	if err != nil {
		return err
	}
	page, err := web.QueryInt(c, "page", 1, 1, 1000)
	if err != nil {
		return err
	}
	kind := c.QueryParam("kind")
	if kind != "" && kind != KindGuide {
		return web.Invalid("kind", web.CodeInvalid, "want guide or nothing")
	}
	ctx := c.Request().Context()
	list, total, err := a.o.Content.Notices(ctx, int64(cat), kind, page, 10)
	if err != nil {
		return wrap("list notices", err)
	}
	if list == nil {
		list = []Summary{}
	}
	for i := range list {
		a.daysLeft(ctx, &list[i])
	}
	return c.JSON(http.StatusOK, map[string]any{"notices": list, "total": total, "page": page, "per_page": 10})
}

// HandleNotice is GET /api/kiosk/notices/:id.
func (a *API) HandleNotice(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	n, err := a.o.Content.Notice(ctx, id)
	if err != nil {
		return wrap("read a notice", err)
	}
	if n == nil {
		return web.NotFound("notice")
	}
	a.daysLeft(ctx, &n.Summary)
	if n.Attachments == nil {
		n.Attachments = []Attachment{}
	}
	if n.Interpretations == nil {
		n.Interpretations = []Link{}
	}
	return c.JSON(http.StatusOK, n)
}

// daysLeft fills the working days left of a notice period that has not
// ended. Without a calendar for the year it leaves it out.
func (a *API) daysLeft(ctx context.Context, s *Summary) {
	if s.NoticeEnd == nil {
		return
	}
	today := a.today()
	if s.NoticeEnd.Before(today) {
		zero := 0
		s.WorkdaysLeft = &zero
		return
	}
	cal, err := a.o.Calendar.Calendar(ctx)
	if err != nil {
		return
	}
	if n, err := cal.WorkdaysBetween(today, *s.NoticeEnd); err == nil {
		s.WorkdaysLeft = &n
		s.EndProvisional = cal.Provisional(calendar.DateOf(s.PublishedAt.In(a.o.Location)), *s.NoticeEnd)
	}
}
