package catalogue

import (
	"time"

	"github.com/hallcast/hallcast/calendar"
)

// CadenceUnit is the unit of an update cadence.
type CadenceUnit string

// Cadence units.
const (
	CadenceDays   CadenceUnit = "days"
	CadenceWeeks  CadenceUnit = "weeks"
	CadenceMonths CadenceUnit = "months"
	CadenceYears  CadenceUnit = "years"
)

// Cadence is how often a category must get new content (R8), e.g.
// {"n":2,"unit":"weeks"} for news, {"n":6,"unit":"months"} for policy.
type Cadence struct {
	N    int         `json:"n"`
	Unit CadenceUnit `json:"unit"`
}

// After returns t plus the cadence, in t's location.
func (c Cadence) After(t time.Time) time.Time {
	switch c.Unit {
	case CadenceWeeks:
		return t.AddDate(0, 0, 7*c.N)
	case CadenceMonths:
		return t.AddDate(0, c.N, 0)
	case CadenceYears:
		return t.AddDate(c.N, 0, 0)
	}
	return t.AddDate(0, 0, c.N)
}

// Category is one node of the catalogue.
type Category struct {
	ID          int64  `json:"id"`
	ParentID    *int64 `json:"parent_id"`
	Code        string `json:"code"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Position    int    `json:"position"`
	// Cadence is the update cadence; nil means none is expected.
	Cadence *Cadence `json:"cadence"`
	// Period is the default notice period (公示期) of notices filed here;
	// nil means none.
	Period    *calendar.Period `json:"period"`
	CreatedAt time.Time        `json:"created_at"`
	UpdatedAt time.Time        `json:"updated_at"`
	// Path is the names from the root, e.g. "行政权力 / 行政许可".
	Path string `json:"path"`
	// LastPublishedAt and Overdue report freshness (R8): overdue when the
	// cadence has passed since the last publication (or since the
	// category was created, if nothing was published yet).
	LastPublishedAt *time.Time  `json:"last_published_at,omitempty"`
	Overdue         bool        `json:"overdue"`
	Children        []*Category `json:"children,omitempty"`
}

// row is a category as stored.
type row struct {
	ID          int64     `db:"id"`
	ParentID    *int64    `db:"parent_id"`
	Code        string    `db:"code"`
	Name        string    `db:"name"`
	Description string    `db:"description"`
	Position    int       `db:"position"`
	CadenceN    *int      `db:"cadence_n"`
	CadenceUnit *string   `db:"cadence_unit"`
	PeriodN     *int      `db:"period_n"`
	PeriodUnit  *string   `db:"period_unit"`
	CreatedAt   time.Time `db:"created_at"`
	UpdatedAt   time.Time `db:"updated_at"`
}

const columns = "id, parent_id, code, name, description, position, cadence_n, cadence_unit, period_n, period_unit, created_at, updated_at"

func (r row) category() Category {
	c := Category{ID: r.ID, ParentID: r.ParentID, Code: r.Code, Name: r.Name, Description: r.Description,
		Position: r.Position, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if r.CadenceN != nil && r.CadenceUnit != nil {
		c.Cadence = &Cadence{N: *r.CadenceN, Unit: CadenceUnit(*r.CadenceUnit)}
	}
	if r.PeriodN != nil && r.PeriodUnit != nil {
		c.Period = &calendar.Period{N: *r.PeriodN, Unit: calendar.Unit(*r.PeriodUnit)}
	}
	return c
}
