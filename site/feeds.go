package site

import (
	"context"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/gorilla/feeds"
	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// Feeds let a government portal's CMS (and anyone) pull the public
// notices: RSS 2.0, Atom and JSON Feed (github.com/gorilla/feeds), newest
// first, all of them or one category's (exactly the notices the category
// page lists). Each item's ID is the notice's stable public URL, its
// content the full public (masked) text with links to the attachments'
// public copies. A notice that is withdrawn leaves the feeds (it leaves
// the index, and each item is read again from the public notices).
// Responses carry an ETag (a hash of the body) and a Last-Modified (the
// last content change this instance saw) and answer 304 to a client that
// has them; they are cached like pages.

// Feed formats and their content types.
var feedTypes = map[string]string{
	"rss":  "application/rss+xml; charset=utf-8",
	"atom": "application/atom+xml; charset=utf-8",
	"json": "application/feed+json; charset=utf-8",
}

// feedFilter selects a feed's notices. Organisations (R13) will add an
// Org here, read from an org parameter, once they exist.
type feedFilter struct {
	Category int64
	Limit    int
}

// HandleFeed is GET /gk/feed.:format (rss, atom, json) with optional
// category (an ID) and limit (1 to 100, default 30).
func (s *Site) HandleFeed(c echo.Context) error {
	format := strings.TrimPrefix(c.Param("file"), "feed.")
	ctype, ok := feedTypes[format]
	if !ok {
		return web.NotFound("feed")
	}
	cat, err := web.QueryInt(c, "category", 0, 0, 1<<30)
	if err != nil {
		return err
	}
	limit, err := web.QueryInt(c, "limit", 30, 1, 100)
	if err != nil {
		return err
	}
	f := feedFilter{Category: int64(cat), Limit: limit}
	self := fmt.Sprintf("%s/feed.%s?limit=%d", Prefix, format, f.Limit)
	if f.Category > 0 {
		self = fmt.Sprintf("%s/feed.%s?category=%d&limit=%d", Prefix, format, f.Category, f.Limit)
	}
	return s.cached(c, s.pageKey(c, self), "300", func() (string, []byte, error) {
		fd, err := s.feed(c.Request().Context(), s.base(c), self, f)
		if err != nil {
			return "", nil, err
		}
		var out string
		switch format {
		case "rss":
			out, err = fd.ToRss()
		case "atom":
			out, err = fd.ToAtom()
		default:
			out, err = fd.ToJSON()
		}
		return ctype, []byte(out), err
	})
}

// feed builds the feed of f.
func (s *Site) feed(ctx context.Context, base, self string, f feedFilter) (*feeds.Feed, error) {
	name := s.o.Name(ctx)
	fd := &feeds.Feed{Title: name + " 政府信息公开", Link: &feeds.Link{Href: base + Prefix + "/"}, Id: base + self,
		Description: name + "主动公开的政府信息", Author: &feeds.Author{Name: name}, Updated: s.cache.changed()}
	if f.Category > 0 {
		_, byID, err := s.tree(ctx)
		if err != nil {
			return nil, err
		}
		n := byID[f.Category]
		if n == nil {
			return nil, web.NotFound("category")
		}
		fd.Title, fd.Link.Href = name+" "+n.Path, base+categoryURL(n.ID)
	}
	docs, _, err := s.o.Index.List(ctx, f.Category, "", 1, f.Limit)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		p, err := s.o.Notices.PublicNotice(ctx, d.ID)
		if web.IsNotFound(err) {
			continue // withdrawn since the index saw it
		}
		if err != nil {
			return nil, err
		}
		nv, err := s.noticeView(ctx, base, p)
		if err != nil {
			return nil, err
		}
		url := base + noticeURL(p.ID)
		fd.Items = append(fd.Items, &feeds.Item{Id: url, IsPermaLink: "true", Link: &feeds.Link{Href: url}, Title: p.Title,
			Description: describe(p.Text, p.Title), Content: feedContent(base, nv), Author: &feeds.Author{Name: nv.Org},
			Created: p.PublishedAt.UTC(), Updated: latest(d.UpdatedAt, p.PublishedAt).UTC()})
	}
	return fd, nil
}

// feedContent is an item's full public text as HTML with absolute links,
// its 公示 period and its attachments.
func feedContent(base string, nv *noticeView) string {
	var b strings.Builder
	if nv.Period != nil {
		b.WriteString("<p><strong>" + template.HTMLEscapeString(nv.Period.Text()) + "</strong></p>")
	}
	body := strings.NewReplacer(`src="/`, `src="`+base+"/", `href="/`, `href="`+base+"/").Replace(string(nv.Body))
	b.WriteString(body)
	if len(nv.Files) > 0 {
		b.WriteString("<p>附件：</p><ul>")
		for _, f := range nv.Files {
			b.WriteString(`<li><a href="` + template.HTMLEscapeString(base+f.URL) + `">` + template.HTMLEscapeString(f.Name) + "</a></li>")
		}
		b.WriteString("</ul>")
	}
	return b.String()
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
