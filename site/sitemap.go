package site

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"github.com/labstack/echo/v4"
)

// maxSitemap is the most URLs one sitemap may list (sitemaps.org).
const maxSitemap = 50000

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// HandleSitemap is GET /gk/sitemap.xml: the home page, the catalogue, the
// categories with public notices, the guides and every public notice (at
// most 50,000 URLs), with the day each notice last changed.
func (s *Site) HandleSitemap(c echo.Context) error {
	return s.cached(c, s.pageKey(c, Prefix+"/sitemap.xml"), "3600", func() (string, []byte, error) {
		ctx := c.Request().Context()
		base := s.base(c)
		set := urlSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
		for _, p := range []string{"/", "/catalogue", "/guides"} {
			set.URLs = append(set.URLs, sitemapURL{Loc: base + Prefix + p})
		}
		_, byID, err := s.tree(ctx)
		if err != nil {
			return "", nil, err
		}
		cats, err := s.o.Catalogue.List(ctx)
		if err != nil {
			return "", nil, err
		}
		for _, cat := range cats {
			if n := byID[cat.ID]; n != nil && n.Count > 0 {
				set.URLs = append(set.URLs, sitemapURL{Loc: base + categoryURL(cat.ID)})
			}
		}
		for page := 1; len(set.URLs) < maxSitemap; page++ {
			docs, _, err := s.o.Index.List(ctx, 0, "", page, 1000)
			if err != nil {
				return "", nil, err
			}
			for _, d := range docs {
				if len(set.URLs) < maxSitemap {
					set.URLs = append(set.URLs, sitemapURL{Loc: base + noticeURL(d.ID), LastMod: d.UpdatedAt.In(s.o.Location).Format("2006-01-02")})
				}
			}
			if len(docs) < 1000 {
				break
			}
		}
		var b bytes.Buffer
		b.WriteString(xml.Header)
		if err := xml.NewEncoder(&b).Encode(set); err != nil {
			return "", nil, err
		}
		return "application/xml; charset=utf-8", b.Bytes(), nil
	})
}

// HandleRobots is GET /robots.txt: the public web edition may be crawled
// (not its forms, look-ups, print layouts and QR codes); nothing else is
// for search engines.
func (s *Site) HandleRobots(c echo.Context) error {
	body := fmt.Sprintf(`User-agent: *
Allow: %[1]s/
Disallow: %[1]s/apply
Disallow: %[1]s/status
Disallow: %[1]s/rate
Disallow: %[1]s/suggest
Disallow: %[1]s/prefs
Disallow: %[1]s/board
Disallow: %[1]s/qr/
Disallow: %[1]s/search
Disallow: /admin
Disallow: /api/
Disallow: /kiosk
Disallow: /display
Sitemap: %[2]s%[1]s/sitemap.xml
`, Prefix, s.base(c))
	c.Response().Header().Set("Cache-Control", "public, max-age=3600")
	return c.Blob(200, "text/plain; charset=utf-8", []byte(body))
}
