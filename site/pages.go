package site

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/search"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed site.css
var siteCSS []byte

// pages are the parsed templates: one per page, each with the layout
// (layout.html) or, for print layouts, the sheet (print_layout.html).
type pages struct{ t map[string]*template.Template }

var funcs = template.FuncMap{
	"date":  cnDate,
	"day":   func(d calendar.Date) string { return cnDate(d.In(time.UTC)) },
	"segs":  segments,
	"size":  humanSize,
	"add":   func(a, b int) int { return a + b },
	"kind":  kindLabel,
	"lines": func(s string) []string { return strings.Split(strings.TrimSpace(s), "\n") },
	"navItem": func(v *view, key, href, label string) navLink {
		return navLink{Href: href, Label: label, On: v.Nav == key}
	},
}

// navLink is an entry of the main navigation.
type navLink struct {
	Href, Label string
	On          bool
}

func parsePages() (*pages, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	base := template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html"))
	printBase := template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/print_layout.html", "templates/parts.html"))
	p := &pages{t: map[string]*template.Template{}}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if name == "layout" || name == "parts" || name == "print_layout" {
			continue
		}
		b := base
		if strings.HasPrefix(name, "print") {
			b = printBase
		}
		t, err := template.Must(b.Clone()).ParseFS(templateFS, n)
		if err != nil {
			return nil, fmt.Errorf("site: template %s: %w", n, err)
		}
		p.t[name] = t
	}
	return p, nil
}

// render executes page name with v.
func (p *pages) render(name string, v *view) ([]byte, error) {
	t := p.t[name]
	if t == nil {
		return nil, fmt.Errorf("site: no page %s", name)
	}
	var b bytes.Buffer
	root := "layout"
	if strings.HasPrefix(name, "print") {
		root = "print_layout"
	}
	if err := t.ExecuteTemplate(&b, root, v); err != nil {
		return nil, fmt.Errorf("site: render %s: %w", name, err)
	}
	return b.Bytes(), nil
}

// view is what every page template receives.
type view struct {
	Title       string
	Description string
	// Path is the page's canonical path (with the query that makes it
	// this page); Base the site's origin.
	Path, Base string
	Name       string
	Large      bool
	Nav        string
	Crumbs     []link
	// Feed is the path of the feed that goes with the page, if any.
	Feed string
	// NoIndex asks search engines not to index (forms, results).
	NoIndex bool
	Data    any
}

// Canonical is the page's absolute URL.
func (v *view) Canonical() string { return v.Base + v.Path }

// Toggle is the path that switches the large-text mode and comes back.
func (v *view) Toggle() string {
	on := "1"
	if v.Large {
		on = "0"
	}
	return Prefix + "/prefs?large=" + on + "&back=" + template.URLQueryEscaper(v.Path)
}

// link is a labelled path.
type link struct{ Label, Href string }

// cnDate writes a date as 2026年12月7日.
func cnDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// segments writes search segments as HTML, the hits in <mark>.
func segments(segs []search.Segment) template.HTML {
	var b strings.Builder
	for _, s := range segs {
		if s.Hit {
			b.WriteString("<mark>" + template.HTMLEscapeString(s.Text) + "</mark>")
		} else {
			b.WriteString(template.HTMLEscapeString(s.Text))
		}
	}
	return template.HTML(b.String())
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%d B", n)
}

var kindLabels = map[string]string{"announcement": "公告", "publicity": "公示", "policy": "政策文件", "interpretation": "政策解读",
	"guide": "办事指南", "news": "工作动态", "notification": "通知"}

func kindLabel(k string) string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return k
}
