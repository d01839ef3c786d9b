package notice

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
)

// PublicText is what every public surface (screens, kiosks, the search
// index) shows of a version: its texts with every personal-data finding
// masked except those the review kept (R6). It is computed once, when the
// version is approved, and stored; no surface masks on its own.
type PublicText struct {
	Title   string `json:"title"`
	Body    string `json:"body"` // Markdown
	HTML    string `json:"html"` // sanitised
	Text    string `json:"text"` // plain text of the body
	LEDText string `json:"led_text"`
	Guide   *Guide `json:"guide"`
}

// publicColumns are the stored public text of a version.
type publicColumns struct {
	PubTitle   *string `db:"public_title" json:"-"`
	PubBody    *string `db:"public_body_md" json:"-"`
	PubHTML    *string `db:"public_body_html" json:"-"`
	PubText    *string `db:"public_body_text" json:"-"`
	PubLEDText *string `db:"public_led_text" json:"-"`
	PubGuide   *string `db:"public_guide_json" json:"-"`
}

// fillPublic sets v.Public from the stored columns.
func (v *Version) fillPublic() error {
	c := v.publicColumns
	if c.PubTitle == nil || c.PubBody == nil || c.PubHTML == nil || c.PubText == nil || c.PubLEDText == nil {
		return nil
	}
	v.Public = &PublicText{Title: *c.PubTitle, Body: *c.PubBody, HTML: *c.PubHTML, Text: *c.PubText, LEDText: *c.PubLEDText}
	if c.PubGuide != nil {
		v.Public.Guide = &Guide{}
		if err := json.Unmarshal([]byte(*c.PubGuide), v.Public.Guide); err != nil {
			return fmt.Errorf("notice: version %d: stored public guide: %w", v.ID, err)
		}
	}
	return nil
}

// publicOf computes the public text of v's texts: every finding masked
// but the kept ones (nil keeps none).
func publicOf(p privacy.Policy, v *Version, kept *keepSet) PublicText {
	t := textsOf(v)
	if t.Guide != nil {
		g := *t.Guide
		g.Materials = append([]string(nil), g.Materials...)
		g.Steps = append([]string(nil), g.Steps...)
		t.Guide = &g
	}
	for _, f := range t.fields() {
		o := privacy.MaskOptions{Keep: func(x privacy.Finding) bool { return kept.has(f.field, "", x) }}
		if f.field == "body" {
			o.Escape = escapeMarkdown
		}
		*f.text, _ = p.MaskTextWith(*f.text, o)
	}
	out := PublicText{Title: t.Title, Body: t.Body, LEDText: t.LEDText, Guide: t.Guide}
	out.HTML, out.Text = Render(t.Body)
	// Markdown can join digits that its source keeps apart
	// ("1101**0519**..."): mask what the rendered text still shows, but
	// for the values the review kept. When the plain text needed that,
	// the HTML is rebuilt from it rather than trusted.
	keepValue := privacy.MaskOptions{Keep: kept.hasValue}
	text, fs := p.MaskTextWith(out.Text, keepValue)
	if len(fs) > 0 && text != out.Text {
		out.Text, out.HTML = text, textHTML(text)
	} else {
		out.HTML, _ = p.MaskTextWith(out.HTML, keepValue)
	}
	return out
}

// escapeMarkdown escapes the ASCII punctuation of a masked value (the
// mask characters) so that "138****5678" is not read as emphasis.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune("\\`*_{}[]()#+-.!|~<>&\"'", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// textHTML renders plain text as escaped paragraphs.
func textHTML(text string) string {
	var b strings.Builder
	for _, para := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(html.EscapeString(para), "\n", "<br>"))
		b.WriteString("</p>\n")
	}
	return b.String()
}

// storePublic computes and stores the public text of v and the public
// copies of its attachments.
func storePublic(ctx context.Context, tx *store.Tx, p privacy.Policy, v *Version, kept *keepSet, at time.Time) error {
	pt := publicOf(p, v, kept)
	var guide *string
	if pt.Guide != nil {
		g := mustJSON(pt.Guide)
		guide = &g
	}
	if _, err := tx.Exec(ctx, `UPDATE notice_versions SET public_title = ?, public_body_md = ?, public_body_html = ?,
		public_body_text = ?, public_led_text = ?, public_guide_json = ? WHERE id = ?`,
		pt.Title, pt.Body, pt.HTML, pt.Text, pt.LEDText, guide, v.ID); err != nil {
		return fmt.Errorf("notice: unable to store the public text of version %d: %w", v.ID, err)
	}
	v.Public = &pt
	return publicAttachments(ctx, tx, p, v, kept, at)
}
