package server

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/kiosk"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/web"
)

// noticeContent is what the kiosk and the search index read: the public
// (published and expired) notices of the notice service and the
// catalogue. Lists come from the search index's copy, which follows the
// notices through the bus, so they are ordered newest first across the
// published and the archived notices.
type noticeContent struct{ a *App }

// Categories lists the catalogue categories that have public notices.
func (n noticeContent) Categories(ctx context.Context) ([]kiosk.Category, error) {
	cats, err := n.a.Catalogue.List(ctx)
	if err != nil {
		return nil, err
	}
	counts, err := n.a.Search.CategoryCounts(ctx)
	if err != nil {
		return nil, err
	}
	out := []kiosk.Category{}
	for _, c := range cats {
		if counts[c.ID] > 0 {
			out = append(out, kiosk.Category{ID: c.ID, Name: c.Path, Count: counts[c.ID]})
		}
	}
	return out, nil
}

// Notices lists public notices newest first, with their 公示 end dates.
func (n noticeContent) Notices(ctx context.Context, categoryID int64, kind string, page, perPage int) ([]kiosk.Summary, int, error) {
	docs, total, err := n.a.Search.List(ctx, categoryID, kind, page, perPage)
	if err != nil {
		return nil, 0, err
	}
	out := make([]kiosk.Summary, 0, len(docs))
	for _, d := range docs {
		s := kiosk.Summary{ID: d.ID, Kind: d.Kind, Title: d.Title, CategoryID: d.CategoryID, Category: d.Category,
			IndexNo: d.IndexNo, PublishedAt: d.PublishedAt, Status: d.Status, UpdatedAt: d.UpdatedAt}
		if d.Status == string(notice.StatusPublished) {
			if p, err := n.a.Notices.PublicNotice(ctx, d.ID); err == nil {
				s.NoticeEnd = noticeEnd(p)
			}
		}
		out = append(out, s)
	}
	return out, total, nil
}

// Notice returns one public notice, or nil.
func (n noticeContent) Notice(ctx context.Context, id int64) (*kiosk.Notice, error) {
	p, err := n.public(ctx, id)
	if p == nil || err != nil {
		return nil, err
	}
	k := &kiosk.Notice{Summary: kiosk.Summary{ID: p.ID, Kind: string(p.Kind), Title: p.Title, CategoryID: p.CategoryID,
		Category: p.CategoryPath, IndexNo: p.IndexNo, PublishedAt: p.PublishedAt, Status: string(p.Status), NoticeEnd: noticeEnd(p), UpdatedAt: p.UpdatedAt},
		HTML: p.HTML, Text: p.Text, Attachments: []kiosk.Attachment{}, Interpretations: []kiosk.Link{}, Fields: guideFields(p.Guide)}
	for _, a := range p.Attachments {
		k.Attachments = append(k.Attachments, kiosk.Attachment{Name: a.Name, URL: a.URL, ContentType: a.ContentType, Size: a.Size})
	}
	links := append([]int64{}, p.Interpretations...)
	if p.PolicyID != nil {
		links = append(links, *p.PolicyID)
	}
	for _, lid := range links {
		if l, err := n.public(ctx, lid); err == nil && l != nil {
			k.Interpretations = append(k.Interpretations, kiosk.Link{ID: l.ID, Title: l.Title})
		}
	}
	return k, nil
}

// public returns a public notice, nil when there is none.
func (n noticeContent) public(ctx context.Context, id int64) (*notice.PublicNotice, error) {
	p, err := n.a.Notices.PublicNotice(ctx, id)
	var we *web.Error
	if errors.As(err, &we) && we.Code == web.CodeNotFound {
		return nil, nil
	}
	return p, err
}

// noticeEnd is the 公示 end date of a notice with a notice period.
func noticeEnd(p *notice.PublicNotice) *calendar.Date {
	if p.Period == nil || p.EndDate == nil {
		return nil
	}
	d, err := calendar.ParseDate(*p.EndDate)
	if err != nil {
		return nil
	}
	return &d
}

// guideFields lists a service guide's fields in the order of a guide.
func guideFields(g *notice.Guide) []kiosk.Field {
	if g == nil {
		return nil
	}
	list := func(items []string) string {
		var b strings.Builder
		for i, it := range items {
			if i > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "%d. %s", i+1, strings.TrimSpace(it))
		}
		return b.String()
	}
	var out []kiosk.Field
	for _, f := range [][2]string{{"办理依据", g.Basis}, {"受理条件", g.Conditions}, {"申请材料", list(g.Materials)}, {"办理流程", list(g.Steps)},
		{"收费标准", g.Fees}, {"收费依据", g.FeeBasis}, {"承诺时限", g.TimeLimit}, {"办理地点", g.Location}, {"咨询电话", g.Phone}} {
		if strings.TrimSpace(f[1]) != "" {
			out = append(out, kiosk.Field{Label: f[0], Value: f[1]})
		}
	}
	return out
}

// SearchDoc implements search.Source for one notice.
func (n noticeContent) SearchDoc(ctx context.Context, id int64) (*search.Doc, error) {
	p, err := n.public(ctx, id)
	if p == nil || err != nil {
		return nil, err
	}
	return &search.Doc{ID: p.ID, Kind: string(p.Kind), CategoryID: p.CategoryID, Category: p.CategoryPath, Title: p.Title,
		IndexNo: p.IndexNo, Body: p.Text, PublishedAt: p.PublishedAt, Status: string(p.Status), UpdatedAt: p.UpdatedAt}, nil
}

// SearchDocs implements search.Source for every public notice.
func (n noticeContent) SearchDocs(ctx context.Context, fn func(search.Doc) error) error {
	docs, _, err := n.a.Notices.PublishedText(ctx, time.Time{})
	if err != nil {
		return err
	}
	for _, d := range docs {
		doc := search.Doc{ID: d.ID, Kind: string(d.Kind), CategoryID: d.CategoryID, Category: d.CategoryPath, Title: d.Title,
			Body: d.Text, Status: string(d.Status), UpdatedAt: d.UpdatedAt}
		if d.IndexNo != nil {
			doc.IndexNo = *d.IndexNo
		}
		if d.PublishedAt != nil {
			doc.PublishedAt = *d.PublishedAt
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
	return nil
}
