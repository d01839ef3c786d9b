package site

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/web"
)

// Printed boards (公开栏) are printed from the browser: each notice has a
// print layout (print.html, A4 or A3 portrait, large type, the issuing
// organisation, the dates, the 公示 period in full, a box for the seal and
// the QR code), and a board's batch prints every notice it should carry
// this week, one notice a sheet. The browser's print with print CSS was
// chosen over a PDF library: offices print from a browser anyway, the
// browser lays out Chinese text and tables (the body's own tables) with
// the fonts the machine has, with nothing to embed or license, and the
// same template serves the screen preview and the paper. Tests print the
// pages with Chromium's printToPDF and read the print DOM back.

// printPage is what a print layout shows.
type printPage struct {
	// Size is "A4" or "A3".
	Size   string
	Sheets []*noticeView
	// Week is the board's week, for a batch.
	Week  string
	Group int64
	Batch bool
}

// paper reads the size parameter: a4 (default) or a3.
func paper(c echo.Context) (string, error) {
	switch strings.ToLower(c.QueryParam("size")) {
	case "", "a4":
		return "A4", nil
	case "a3":
		return "A3", nil
	}
	return "", web.Invalid("size", web.CodeInvalid, "want a4 or a3")
}

// HandlePrint is GET /gk/n/:id/print?size=a4|a3: a notice's print layout.
func (s *Site) HandlePrint(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return web.NotFound("notice")
	}
	size, err := paper(c)
	if err != nil {
		return err
	}
	path := fmt.Sprintf("%s/print?size=%s", noticeURL(id), strings.ToLower(size))
	return s.page(c, "print", path, func() (*view, error) {
		ctx := c.Request().Context()
		p, err := s.o.Notices.PublicNotice(ctx, id)
		if err != nil {
			return nil, err
		}
		nv, err := s.noticeView(ctx, s.base(c), p)
		if err != nil {
			return nil, err
		}
		v := s.newView(c, "", p.Title, describe(p.Text, p.Title), path)
		v.NoIndex = true
		v.Data = &printPage{Size: size, Sheets: []*noticeView{nv}}
		return v, nil
	})
}

// HandleBoard is GET /gk/board?size=a4|a3&group=: the batch print of
// everything a 公开栏 board should carry this week, one notice a sheet:
// the notices on air today that were published this week (Monday to
// Sunday) or whose 公示 runs this week. group keeps the notices shown in
// that screen group (a hall's or a village's screens); the organisations
// and halls of R13 will add their own parameter here.
func (s *Site) HandleBoard(c echo.Context) error {
	size, err := paper(c)
	if err != nil {
		return err
	}
	group, err := web.QueryInt(c, "group", 0, 0, 1<<30)
	if err != nil {
		return err
	}
	path := fmt.Sprintf("%s/board?size=%s", Prefix, strings.ToLower(size))
	if group > 0 {
		path += fmt.Sprintf("&group=%d", group)
	}
	return s.page(c, "print", path, func() (*view, error) {
		ctx := c.Request().Context()
		monday := s.monday()
		list, err := s.board(ctx, int64(group), monday)
		if err != nil {
			return nil, err
		}
		pp := &printPage{Size: size, Batch: true, Group: int64(group),
			Week: cnDate(monday) + "至" + cnDate(monday.AddDate(0, 0, 6))}
		for i := range list {
			nv, err := s.noticeView(ctx, s.base(c), &list[i])
			if err != nil {
				return nil, err
			}
			pp.Sheets = append(pp.Sheets, nv)
		}
		v := s.newView(c, "", "公开栏本周张贴", "公开栏本周应张贴的公开信息（"+pp.Week+"）。", path)
		v.NoIndex = true
		v.Data = pp
		return v, nil
	})
}

// monday is the first day of this week, at midnight in the hall's zone.
func (s *Site) monday() time.Time {
	now := s.now()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	back := (int(day.Weekday()) + 6) % 7
	return day.AddDate(0, 0, -back)
}

// board selects the notices a board carries in the week from monday.
func (s *Site) board(ctx context.Context, group int64, monday time.Time) ([]notice.PublicNotice, error) {
	all, err := s.o.Notices.Published(ctx, notice.PublicFilter{GroupID: group, Limit: 1000})
	if err != nil {
		return nil, err
	}
	var out []notice.PublicNotice
	for _, p := range all {
		pub := p.PublishedAt.In(s.o.Location)
		pubDay := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
		running := p.EndDate != nil && *p.EndDate >= monday.Format(time.DateOnly)
		if !pubDay.Before(monday) || running {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].PublishedAt.Before(out[j].PublishedAt) })
	return out, nil
}
