package site

import (
	"context"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/notice"
)

// noticeView is a public notice as the notice page and its print layouts
// show it: all of it from the version's stored public text.
type noticeView struct {
	*notice.PublicNotice
	// Org is the issuing organisation (发布机构): the notice's source
	// department, or the site's name when it has none.
	Org       string
	Published time.Time
	MadeOn    string
	Period    *period
	Body      template.HTML
	Files     []file
	Links     []link
	Fields    []field
	// URL is the notice's short, stable public URL (also in its QR code).
	URL, QR string
}

// period is a 公示 period: from the day of publication to its end date.
type period struct {
	Start, End  time.Time
	Provisional bool
	Left        int
	Workdays    bool
	Ended       bool
}

// Text is the period in full: "公示期：2026年12月7日至2026年12月15日".
func (p *period) Text() string {
	s := "公示期：" + cnDate(p.Start) + "至" + cnDate(p.End)
	if p.Provisional {
		s += "（预计）"
	}
	return s
}

// file is an attachment's public copy.
type file struct {
	Name, URL, Type string
	Size            int64
	Image           bool
}

// field is a labelled part of a service guide.
type field struct {
	Label string
	Items []string
	Text  string
}

// noticeURL is the short public path of a notice: the same for every
// version, with nothing in it but the notice's number.
func noticeURL(id int64) string { return Prefix + "/n/" + strconv.FormatInt(id, 10) }

// noticeView builds the view of p.
func (s *Site) noticeView(ctx context.Context, base string, p *notice.PublicNotice) (*noticeView, error) {
	v := &noticeView{PublicNotice: p, Org: strings.TrimSpace(p.SourceDept), Published: p.PublishedAt.In(s.o.Location),
		Body: template.HTML(wrapTables(p.HTML)), Fields: guideFields(p.Guide),
		URL: base + noticeURL(p.ID), QR: Prefix + "/qr/" + strconv.FormatInt(p.ID, 10) + ".svg"}
	if v.Org == "" {
		v.Org = s.o.Name(ctx)
	}
	if p.MadeOn != nil {
		if d, err := calendar.ParseDate(*p.MadeOn); err == nil {
			v.MadeOn = cnDate(d.In(time.UTC))
		}
	}
	for _, a := range p.Attachments {
		v.Files = append(v.Files, file{Name: a.Name, URL: a.URL, Type: a.ContentType, Size: a.Size, Image: strings.HasPrefix(a.ContentType, "image/")})
	}
	links := append([]int64{}, p.Interpretations...)
	if p.PolicyID != nil {
		links = append(links, *p.PolicyID)
	}
	for _, id := range links {
		if l, err := s.o.Notices.PublicNotice(ctx, id); err == nil {
			v.Links = append(v.Links, link{Label: l.Title, Href: noticeURL(l.ID)})
		}
	}
	per, err := s.period(ctx, p)
	if err != nil {
		return nil, err
	}
	v.Period = per
	return v, nil
}

// period returns the 公示 period of a notice that has one, with the days
// left today and whether it relies on a provisional calendar (预计, R3).
func (s *Site) period(ctx context.Context, p *notice.PublicNotice) (*period, error) {
	if p.Period == nil || p.EndDate == nil {
		return nil, nil
	}
	end, err := calendar.ParseDate(*p.EndDate)
	if err != nil {
		return nil, nil
	}
	start := calendar.DateOf(p.PublishedAt.In(s.o.Location))
	per := &period{Start: start.In(time.UTC), End: end.In(time.UTC), Workdays: p.Period.Unit == calendar.UnitWorkdays,
		Ended: p.Status == notice.StatusExpired || end.Before(s.today())}
	if !per.Ended {
		left, _, ok, err := s.o.Notices.Remaining(ctx, *p, s.o.Clock.Now())
		if err == nil && ok {
			per.Left = left
		}
	}
	if cal, err := s.o.Calendar.Calendar(ctx); err == nil {
		per.Provisional = cal.Provisional(start, end)
	}
	return per, nil
}

// wrapTables puts each table of the (sanitised) body in a region that
// scrolls on its own, so that a wide table never widens a phone's page.
func wrapTables(html string) string {
	if !strings.Contains(html, "<table") {
		return html
	}
	html = strings.ReplaceAll(html, "<table", `<div class="table-wrap" role="region" aria-label="表格" tabindex="0"><table`)
	return strings.ReplaceAll(html, "</table>", "</table></div>")
}

// guideFields lists a service guide's fields in the order of a guide.
func guideFields(g *notice.Guide) []field {
	if g == nil {
		return nil
	}
	var out []field
	add := func(label, text string, items []string) {
		if strings.TrimSpace(text) != "" || len(items) > 0 {
			out = append(out, field{Label: label, Text: text, Items: items})
		}
	}
	add("办理依据", g.Basis, nil)
	add("受理条件", g.Conditions, nil)
	add("申请材料", "", g.Materials)
	add("办理流程", "", g.Steps)
	add("收费标准", g.Fees, nil)
	add("收费依据", g.FeeBasis, nil)
	add("承诺时限", g.TimeLimit, nil)
	add("办理地点", g.Location, nil)
	add("咨询电话", g.Phone, nil)
	return out
}
