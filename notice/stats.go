package notice

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/web"
)

// Stats counts the notices first published in a date range, as halls
// report them ("政策法规75条、征地信息302条"): per category (own and with
// sub-categories), per kind and per month. Withdrawn notices are not
// counted; a notice counts under the category and kind of its live
// version.
type Stats struct {
	From       string          `json:"from"`
	To         string          `json:"to"`
	Total      int             `json:"total"`
	Categories []CategoryCount `json:"categories"`
	Kinds      []KindCount     `json:"kinds"`
	Months     []MonthCount    `json:"months"`
	// Summary is the report sentence over the top-level categories.
	Summary string `json:"summary"`
}

// CategoryCount is one catalogue category's count.
type CategoryCount struct {
	ID       int64  `json:"id"`
	ParentID *int64 `json:"parent_id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Path     string `json:"path"`
	Depth    int    `json:"depth"`
	Count    int    `json:"count"` // filed directly here
	Total    int    `json:"total"` // here and in sub-categories
}

// KindCount is one kind's count.
type KindCount struct {
	Kind  Kind   `json:"kind"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// MonthCount is one month's count ("2026-03").
type MonthCount struct {
	Month string `json:"month"`
	Count int    `json:"count"`
}

// Stats counts the notices first published from `from` to `to`
// (inclusive dates in the hall's zone).
func (s *Service) Stats(ctx context.Context, from, to calendar.Date) (*Stats, error) {
	if to.Before(from) {
		return nil, web.Invalid("to", web.CodeInvalid, "the end comes before the start")
	}
	if from.DaysUntil(to) > 3660 {
		return nil, web.Invalid("to", web.CodeOutOfRange, "at most ten years at once")
	}
	var rows []struct {
		At         time.Time `db:"first_published_at"`
		CategoryID int64     `db:"category_id"`
		Kind       Kind      `db:"kind"`
	}
	if err := s.db.Select(ctx, &rows, `SELECT n.first_published_at, lv.category_id, lv.kind FROM notices n
		JOIN notice_versions lv ON lv.id = n.live_version_id
		WHERE n.withdrawn_at IS NULL AND n.first_published_at >= ? AND n.first_published_at < ?`,
		from.In(s.loc), to.AddDays(1).In(s.loc)); err != nil {
		return nil, fmt.Errorf("notice: unable to count publications: %w", err)
	}
	cats, err := catalogue.All(ctx, s.db)
	if err != nil {
		return nil, err
	}
	st := &Stats{From: from.String(), To: to.String(), Total: len(rows), Categories: []CategoryCount{}, Kinds: []KindCount{}, Months: []MonthCount{}}
	own, kinds, months := map[int64]int{}, map[Kind]int{}, map[string]int{}
	for _, r := range rows {
		own[r.CategoryID]++
		kinds[r.Kind]++
		months[r.At.In(s.loc).Format("2006-01")]++
	}
	st.Categories = categoryCounts(cats, own)
	for _, k := range Kinds {
		if kinds[k.Kind] > 0 {
			st.Kinds = append(st.Kinds, KindCount{Kind: k.Kind, Label: k.Label, Count: kinds[k.Kind]})
		}
	}
	for m := time.Date(from.Year, from.Month, 1, 0, 0, 0, 0, time.UTC); !m.After(to.In(time.UTC)); m = m.AddDate(0, 1, 0) {
		key := m.Format("2006-01")
		st.Months = append(st.Months, MonthCount{Month: key, Count: months[key]})
	}
	var parts []string
	for _, c := range st.Categories {
		if c.Depth == 0 && c.Total > 0 {
			parts = append(parts, fmt.Sprintf("%s%d条", c.Name, c.Total))
		}
	}
	st.Summary = fmt.Sprintf("共%d条", st.Total)
	if len(parts) > 0 {
		st.Summary = st.Summary + "：" + strings.Join(parts, "、")
	}
	return st, nil
}

// categoryCounts lists the categories in tree order with own counts and
// totals including sub-categories.
func categoryCounts(ordered []catalogue.Category, own map[int64]int) []CategoryCount {
	parent := map[int64]*int64{}
	for _, c := range ordered {
		parent[c.ID] = c.ParentID
	}
	out := make([]CategoryCount, 0, len(ordered))
	index := map[int64]int{}
	for _, c := range ordered {
		depth := 0
		for p := c.ParentID; p != nil && depth < len(ordered); p = parent[*p] {
			depth++
		}
		index[c.ID] = len(out)
		out = append(out, CategoryCount{ID: c.ID, ParentID: c.ParentID, Code: c.Code, Name: c.Name, Path: c.Path, Depth: depth, Count: own[c.ID]})
	}
	for id, n := range own {
		steps := 0
		for p := &id; p != nil && steps <= len(ordered); p = parent[*p] {
			if i, ok := index[*p]; ok {
				out[i].Total += n
			}
			steps++
		}
	}
	return out
}
