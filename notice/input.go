package notice

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Input is what an editor writes. It is validated as a whole: a bad field
// saves nothing.
type Input struct {
	Title      string     `json:"title"`
	Body       string     `json:"body"` // Markdown
	LEDText    string     `json:"led_text"`
	Kind       Kind       `json:"kind"`
	CategoryID int64      `json:"category_id"`
	Disclosure Disclosure `json:"disclosure"` // default proactive
	SourceDept string     `json:"source_dept"`
	MadeOn     string     `json:"made_on"` // YYYY-MM-DD, 成文日期
	// PublishAt is when to publish once approved; nil means at approval.
	PublishAt *time.Time `json:"publish_at"`
	// ExpireAt or Period (not both) end the notice; a 公示 without either
	// takes its category's default period.
	ExpireAt *time.Time       `json:"expire_at"`
	Period   *calendar.Period `json:"period"`
	Priority int              `json:"priority"` // 0..9, higher first
	Duration int              `json:"duration"` // seconds on screen, default 15
	// AllScreens targets every screen; otherwise Groups lists screen
	// groups. Nil means "all" when Groups is empty.
	AllScreens *bool   `json:"all_screens"`
	Groups     []int64 `json:"groups"`
	// Interpretations links a policy document to its 政策解读 notices (R5).
	Interpretations []int64         `json:"interpretations"`
	Attachments     []AttachmentRef `json:"attachments"`
	Guide           *Guide          `json:"guide"`
	// BaseVersionID, when set, must be the notice's current version: an
	// editor working on a stale copy gets a conflict instead of
	// overwriting newer work.
	BaseVersionID int64 `json:"base_version_id"`
}

// Field limits.
const (
	MaxTitle   = 200
	MaxBody    = 50000
	MaxLEDText = 200
)

// prepare validates in and returns the content of a version (not yet
// stored) and its attachments. selfID is the notice being edited (0 when
// new). Errors name the field.
func (s *Service) prepare(ctx context.Context, q store.Querier, in Input, selfID int64) (*Version, []Attachment, error) {
	var c web.Check
	v := &Version{Kind: in.Kind, CategoryID: in.CategoryID, Disclosure: in.Disclosure, Priority: in.Priority, Duration: in.Duration}
	v.Title = c.Text("title", in.Title, MaxTitle)
	v.Body = strings.TrimSpace(in.Body)
	c.MaxRunes("body", v.Body, MaxBody)
	v.LEDText = strings.TrimSpace(in.LEDText)
	c.MaxRunes("led_text", v.LEDText, MaxLEDText)
	v.SourceDept = strings.TrimSpace(in.SourceDept)
	c.MaxRunes("source_dept", v.SourceDept, 100)
	c.That(in.Kind.Valid(), "kind", web.CodeInvalid, "unknown kind %q", in.Kind)
	if v.Disclosure == "" {
		v.Disclosure = Proactive
	}
	c.OneOf("disclosure", string(v.Disclosure), string(Proactive), string(OnRequest), string(Withheld))
	if in.MadeOn != "" {
		if d, err := calendar.ParseDate(in.MadeOn); err != nil {
			c.Add(web.Invalid("made_on", web.CodeInvalid, "want a date YYYY-MM-DD"))
		} else {
			s := d.String()
			v.MadeOn = &s
		}
	}
	c.Range("priority", v.Priority, 0, 9)
	if v.Duration == 0 {
		v.Duration = 15
	}
	c.Range("duration", v.Duration, 3, 600)
	checkTargets(&c, v, in)
	if in.Guide != nil {
		c.That(in.Kind == KindGuide, "guide", web.CodeInvalid, "only a service guide (办事指南) has guide fields")
		g := *in.Guide
		g.normalise()
		g.check(&c, false)
		v.Guide = &g
	}
	c.That(len(in.Interpretations) == 0 || in.Kind == KindPolicy, "interpretations", web.CodeInvalid,
		"only a policy document (政策文件) links interpretations")
	if err := c.Err(); err != nil {
		return nil, nil, err
	}
	v.HTML, v.Text = Render(v.Body)
	cat, err := catalogue.Get(ctx, q, in.CategoryID)
	if err != nil {
		if in.CategoryID == 0 {
			return nil, nil, web.Invalid("category_id", web.CodeRequired, "required")
		}
		return nil, nil, fieldErr("category_id", err, "no such category")
	}
	if err := s.checkDates(ctx, v, in, cat); err != nil {
		return nil, nil, err
	}
	if err := s.checkGroups(ctx, v.Groups); err != nil {
		return nil, nil, err
	}
	if v.Interpretations, err = checkLinks(ctx, q, in.Interpretations, selfID); err != nil {
		return nil, nil, err
	}
	atts, err := resolveAttachments(ctx, q, in.Attachments)
	if err != nil {
		return nil, nil, err
	}
	if v.Guide != nil {
		b, _ := json.Marshal(v.Guide)
		g := string(b)
		v.GuideJSON = &g
	}
	return v, atts, nil
}

// checkTargets sets the target screens of v.
func checkTargets(c *web.Check, v *Version, in Input) {
	v.AllScreens = len(in.Groups) == 0
	if in.AllScreens != nil {
		v.AllScreens = *in.AllScreens
	}
	v.Groups = []int64{}
	if v.AllScreens {
		return
	}
	for _, g := range in.Groups {
		c.That(g > 0, "groups", web.CodeInvalid, "want screen group IDs")
		if !slices.Contains(v.Groups, g) {
			v.Groups = append(v.Groups, g)
		}
	}
	slices.Sort(v.Groups)
	c.That(len(v.Groups) > 0, "groups", web.CodeRequired, "choose screen groups or all screens")
	c.That(len(v.Groups) <= 200, "groups", web.CodeOutOfRange, "at most 200 groups")
}

// checkGroups asks the display package whether the groups exist.
func (s *Service) checkGroups(ctx context.Context, ids []int64) error {
	if s.groups == nil || len(ids) == 0 {
		return nil
	}
	if err := s.groups.Exists(ctx, ids); err != nil {
		return fieldErr("groups", err, "unknown screen group")
	}
	return nil
}

// fieldErr passes typed errors through and turns a not-found into an
// error on field; other errors are internal.
func fieldErr(field string, err error, msg string) error {
	if we, ok := err.(*web.Error); ok {
		if we.Field == "" {
			cp := *we
			cp.Field = field
			if cp.Status == 404 {
				cp.Status, cp.Code = 400, web.CodeInvalid
			}
			return &cp
		}
		return we
	}
	if store.IsNotFound(err) {
		return web.Invalid(field, web.CodeInvalid, "%s", msg)
	}
	return fmt.Errorf("notice: checking %s: %w", field, err)
}
