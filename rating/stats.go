package rating

import (
	"context"
	"time"
)

// Stat counts the ratings of one service in a period.
type Stat struct {
	Service string `json:"service"`
	Counts  [6]int `json:"counts"` // by level; index 0 unused
	Total   int    `json:"total"`
	Bad     int    `json:"bad"`
	// Satisfaction is the share of 满意 and 非常满意 (and 基本满意), in percent.
	Satisfaction float64 `json:"satisfaction"`
}

// Stats counts ratings made in [from, to) by service, with a total row
// (Service "") first.
func (s *Service) Stats(ctx context.Context, from, to time.Time) ([]Stat, error) {
	var rows []struct {
		Service string `db:"service"`
		Level   int    `db:"level"`
		N       int    `db:"n"`
	}
	if err := s.db.Select(ctx, &rows, `SELECT service, level, COUNT(*) AS n FROM ratings
		WHERE created_at >= ? AND created_at < ? GROUP BY service, level ORDER BY service, level`, from, to); err != nil {
		return nil, wrap("count ratings", err)
	}
	total := &Stat{}
	by := map[string]*Stat{}
	var order []string
	for _, r := range rows {
		st := by[r.Service]
		if st == nil {
			st = &Stat{Service: r.Service}
			by[r.Service] = st
			order = append(order, r.Service)
		}
		for _, x := range []*Stat{st, total} {
			x.Counts[r.Level] += r.N
			x.Total += r.N
			if Level(r.Level).Bad() {
				x.Bad += r.N
			}
		}
	}
	out := []Stat{*total}
	for _, k := range order {
		out = append(out, *by[k])
	}
	for i := range out {
		if out[i].Total > 0 {
			out[i].Satisfaction = float64(out[i].Total-out[i].Bad) * 100 / float64(out[i].Total)
		}
	}
	return out, nil
}
