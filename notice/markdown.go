package notice

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// The Markdown renderer: CommonMark with GitHub tables, strikethrough and
// autolinks. Raw HTML in the source is not passed through (goldmark omits
// it unless told otherwise), and the result is sanitised again with
// bluemonday's UGC policy, so <script>, <iframe>, on* attributes and
// javascript: links never reach a screen.
var (
	md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))

	sanitizer = sync.OnceValue(func() *bluemonday.Policy {
		p := bluemonday.UGCPolicy()
		p.RequireNoFollowOnLinks(true)
		p.AddTargetBlankToFullyQualifiedLinks(true)
		p.AllowURLSchemes("http", "https", "mailto", "tel")
		return p
	})
	stripper = sync.OnceValue(bluemonday.StrictPolicy)
	spaces   = regexp.MustCompile(`[ \t\r\f\v]+`)
	newlines = regexp.MustCompile(`\n{3,}`)
)

// Render turns Markdown into sanitised HTML and its plain text (for
// search and LED fallbacks).
func Render(source string) (htmlOut, text string) {
	var buf bytes.Buffer
	if err := md.Convert([]byte(source), &buf); err != nil {
		// goldmark only fails on writer errors; a bytes.Buffer has none.
		buf.Reset()
		buf.WriteString(html.EscapeString(source))
	}
	clean := sanitizer().SanitizeBytes(buf.Bytes())
	return string(clean), plainText(string(clean))
}

// blockEnd matches the closing tags after which plain text breaks a line.
var blockEnd = regexp.MustCompile(`(?i)</(p|h[1-6]|li|tr|blockquote|pre|table)>|<br\s*/?>`)

// plainText strips tags from sanitised HTML and unescapes entities,
// keeping paragraph breaks.
func plainText(h string) string {
	h = blockEnd.ReplaceAllString(h, "$0\n")
	t := html.UnescapeString(stripper().Sanitize(h))
	t = spaces.ReplaceAllString(t, " ")
	lines := strings.Split(t, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.TrimSpace(newlines.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}
