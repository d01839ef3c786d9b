package catalogue

import (
	"regexp"
	"strings"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/web"
)

// Input is what an admin sets on a category.
type Input struct {
	ParentID    *int64           `json:"parent_id"`
	Code        string           `json:"code"`
	Name        string           `json:"name"`
	Description string           `json:"description"`
	Position    int              `json:"position"`
	Cadence     *Cadence         `json:"cadence"`
	Period      *calendar.Period `json:"period"`
}

var codePattern = regexp.MustCompile(`^[A-Z0-9]{1,12}$`)

// check normalises in and validates it; errors name the field.
func (in *Input) check() error {
	in.Code = strings.ToUpper(strings.TrimSpace(in.Code))
	in.Description = strings.TrimSpace(in.Description)
	var c web.Check
	in.Name = c.Text("name", in.Name, 40)
	if in.Code == "" {
		c.Add(web.Invalid("code", web.CodeRequired, "required"))
	} else {
		c.That(codePattern.MatchString(in.Code), "code", web.CodeInvalid, "1 to 12 capital letters or digits, e.g. ZCFG")
	}
	c.MaxRunes("description", in.Description, 500)
	c.Range("position", in.Position, -10000, 10000)
	if in.ParentID != nil {
		c.That(*in.ParentID > 0, "parent_id", web.CodeInvalid, "want a category ID")
	}
	if in.Cadence != nil {
		c.Range("cadence.n", in.Cadence.N, 1, 1000)
		c.OneOf("cadence.unit", string(in.Cadence.Unit), "days", "weeks", "months", "years")
	}
	if in.Period != nil {
		c.Range("period.n", in.Period.N, 1, calendar.MaxPeriodN)
		c.OneOf("period.unit", string(in.Period.Unit), string(calendar.UnitWorkdays), string(calendar.UnitDays))
	}
	return c.Err()
}
