package notice

import (
	"fmt"
	"strings"

	"github.com/hallcast/hallcast/web"
)

// Guide holds the structured fields of a service guide (办事指南).
type Guide struct {
	Basis      string   `json:"basis"`      // 办理依据
	Conditions string   `json:"conditions"` // 受理条件
	Materials  []string `json:"materials"`  // 申请材料
	Steps      []string `json:"steps"`      // 办理流程
	Fees       string   `json:"fees"`       // 收费标准 ("不收费" when free)
	FeeBasis   string   `json:"fee_basis"`  // 收费依据
	TimeLimit  string   `json:"time_limit"` // 承诺时限, e.g. "5个工作日"
	Location   string   `json:"location"`   // 办理窗口、地点
	Phone      string   `json:"phone"`      // 咨询电话
}

// texts returns the guide's text fields by API field name, in order, for
// scanning and masking.
func (g *Guide) texts() []*fieldText {
	out := []*fieldText{
		{"guide.basis", &g.Basis}, {"guide.conditions", &g.Conditions},
	}
	for i := range g.Materials {
		out = append(out, &fieldText{fmt.Sprintf("guide.materials[%d]", i), &g.Materials[i]})
	}
	for i := range g.Steps {
		out = append(out, &fieldText{fmt.Sprintf("guide.steps[%d]", i), &g.Steps[i]})
	}
	return append(out, &fieldText{"guide.fees", &g.Fees}, &fieldText{"guide.fee_basis", &g.FeeBasis},
		&fieldText{"guide.time_limit", &g.TimeLimit}, &fieldText{"guide.location", &g.Location}, &fieldText{"guide.phone", &g.Phone})
}

// fieldText is a text field of a version, named as the API names it.
type fieldText struct {
	field string
	text  *string
}

// normalise trims every field and drops empty list items.
func (g *Guide) normalise() {
	for _, f := range g.texts() {
		*f.text = strings.TrimSpace(*f.text)
	}
	g.Materials = nonEmpty(g.Materials)
	g.Steps = nonEmpty(g.Steps)
}

func nonEmpty(in []string) []string {
	out := []string{}
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// check validates lengths; complete additionally requires what a citizen
// needs (checked on submit, not on every draft save).
func (g *Guide) check(c *web.Check, complete bool) {
	c.That(len(g.Materials) <= 50, "guide.materials", web.CodeOutOfRange, "at most 50 items")
	c.That(len(g.Steps) <= 50, "guide.steps", web.CodeOutOfRange, "at most 50 items")
	for _, f := range g.texts() {
		max := 2000
		if strings.Contains(f.field, "[") || f.field == "guide.phone" || f.field == "guide.time_limit" {
			max = 500
		}
		c.MaxRunes(f.field, *f.text, max)
	}
	if !complete {
		return
	}
	req := func(field, v string) {
		c.That(v != "", field, web.CodeRequired, "required for a service guide")
	}
	req("guide.conditions", g.Conditions)
	c.That(len(g.Materials) > 0, "guide.materials", web.CodeRequired, "required for a service guide")
	c.That(len(g.Steps) > 0, "guide.steps", web.CodeRequired, "required for a service guide")
	req("guide.fees", g.Fees)
	req("guide.time_limit", g.TimeLimit)
	req("guide.location", g.Location)
	req("guide.phone", g.Phone)
}
