package notice

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Finding is personal data found in a version (R6). Offsets are those of
// privacy.Finding within the field's text (Start16/End16 for JavaScript
// strings); attachments name the cell instead (Where, e.g. "Sheet1!B3").
// The matched text itself is not returned: Masked shows what it becomes.
type Finding struct {
	Field   string       `json:"field"`
	Where   string       `json:"where,omitempty"`
	Kind    privacy.Kind `json:"kind"`
	Start   int          `json:"start"`
	End     int          `json:"end"`
	Start16 int          `json:"start16"`
	End16   int          `json:"end16"`
	Masked  string       `json:"masked"`
}

// Texts are the text fields of a version that reach screens.
type Texts struct {
	Title   string `json:"title"`
	Body    string `json:"body"`
	LEDText string `json:"led_text"`
	Guide   *Guide `json:"guide"`
}

// fields returns the texts by API field name.
func (t *Texts) fields() []*fieldText {
	out := []*fieldText{{"title", &t.Title}, {"body", &t.Body}, {"led_text", &t.LEDText}}
	if t.Guide != nil {
		out = append(out, t.Guide.texts()...)
	}
	return out
}

// ScanTexts finds personal data in the texts with policy p.
func ScanTexts(p privacy.Policy, t Texts) []Finding {
	out := []Finding{}
	for _, f := range t.fields() {
		for _, x := range p.Scan(*f.text) {
			out = append(out, Finding{Field: f.field, Kind: x.Kind, Start: x.Start, End: x.End,
				Start16: x.Start16, End16: x.End16, Masked: x.Masked})
		}
	}
	return out
}

// MaskTexts returns t with every finding masked by p.
func MaskTexts(p privacy.Policy, t Texts) Texts {
	if t.Guide != nil {
		g := *t.Guide
		g.Materials = append([]string(nil), g.Materials...)
		g.Steps = append([]string(nil), g.Steps...)
		t.Guide = &g
	}
	for _, f := range t.fields() {
		*f.text, _ = p.MaskText(*f.text)
	}
	return t
}

func textsOf(v *Version) Texts {
	return Texts{Title: v.Title, Body: v.Body, LEDText: v.LEDText, Guide: v.Guide}
}

// scanVersion finds the personal data of a version: its texts and the
// cells of its CSV and XLSX attachments.
func scanVersion(ctx context.Context, q store.Querier, p privacy.Policy, v *Version) ([]Finding, error) {
	out := ScanTexts(p, textsOf(v))
	for i, a := range v.Attachments {
		ft := typeByContentType(a.ContentType)
		if !ft.data {
			continue
		}
		data, err := getBlob(ctx, q, a.SHA256)
		if err != nil {
			return nil, err
		}
		cells, err := scanData(p, ft, data)
		if err != nil {
			return nil, fmt.Errorf("notice: scanning %s: %w", a.Name, err)
		}
		for _, c := range cells {
			c.Field = fmt.Sprintf("attachments[%d]", i)
			out = append(out, c)
		}
	}
	return out, nil
}

// personalDataError blocks an approval: it names the first finding's
// field and carries every finding in Params.
func personalDataError(fs []Finding) error {
	e := &web.Error{Status: 409, Code: CodePersonalData, Field: fs[0].Field,
		Message: fmt.Sprintf("%d personal numbers found; mask them or override with a reason", len(fs)),
		Params:  map[string]any{"findings": fs, "count": len(fs)}}
	return e
}
