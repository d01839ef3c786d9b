package site

import (
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/notice"
)

// item is a notice in a list.
type item struct {
	ID        int64
	Title     string
	Kind      string
	Category  string
	IndexNo   string
	Published time.Time
	Expired   bool
	URL       string
	Period    *period
}

func (s *Site) item(id int64, title, kind, category, indexNo string, published time.Time, status string) item {
	return item{ID: id, Title: title, Kind: kind, Category: category, IndexNo: indexNo, Published: published.In(s.o.Location),
		Expired: status == string(notice.StatusExpired), URL: noticeURL(id)}
}

// home is what the home page shows.
type home struct {
	Running []item
	Latest  []item
}

// HandleHome is GET /gk/: the 公示 running now with their end dates, the
// latest notices, and the ways in (catalogue, guides, search, forms).
func (s *Site) HandleHome(c echo.Context) error {
	return s.page(c, "home", Prefix+"/", func() (*view, error) {
		ctx := c.Request().Context()
		var h home
		running, err := s.o.Notices.Published(ctx, notice.PublicFilter{Kinds: []notice.Kind{notice.KindPublicity}, Limit: 10})
		if err != nil {
			return nil, err
		}
		for i := range running {
			p := &running[i]
			it := s.item(p.ID, p.Title, string(p.Kind), p.CategoryPath, p.IndexNo, p.PublishedAt, string(p.Status))
			if it.Period, err = s.period(ctx, p); err != nil {
				return nil, err
			}
			h.Running = append(h.Running, it)
		}
		lp, err := s.list(ctx, Prefix+"/", 0, "", 1)
		if err != nil {
			return nil, err
		}
		if len(lp.Items) > 10 {
			lp.Items = lp.Items[:10]
		}
		h.Latest = lp.Items
		name := s.o.Name(ctx)
		v := s.newView(c, "home", name, name+"：政府信息公开目录、公告公示、办事指南、依申请公开、好差评与意见箱。", Prefix+"/")
		v.Feed = Prefix + "/feed.atom"
		v.Data = h
		return v, nil
	})
}
