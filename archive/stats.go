package archive

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// DayStats is one day's queries of one dataset (or of all).
type DayStats struct {
	Day       string `db:"day" json:"day"`
	DatasetID int64  `db:"dataset_id" json:"dataset_id,omitempty"`
	Queries   int64  `db:"queries" json:"queries"`
	Hits      int64  `db:"hits" json:"hits"`
	Misses    int64  `db:"misses" json:"misses"`
	Refused   int64  `db:"refused" json:"refused"`
	// HitRate is hits / (hits + misses), 0 without lookups.
	HitRate float64 `db:"-" json:"hit_rate"`
}

// Usage returns queries per day over the last days days (today
// included, in the service's time zone), of one dataset or of all (0).
func (s *Service) Usage(ctx context.Context, datasetID int64, days int) ([]DayStats, error) {
	if err := s.rec.flush(ctx); err != nil {
		return nil, err
	}
	since := s.now().In(s.loc).AddDate(0, 0, -days+1).Format("2006-01-02")
	q := `SELECT day, SUM(queries) AS queries, SUM(hits) AS hits, SUM(misses) AS misses, SUM(refused) AS refused
		FROM archive_query_days WHERE day >= ?`
	args := []any{since}
	if datasetID > 0 {
		q += " AND dataset_id = ?"
		args = append(args, datasetID)
	}
	q += " GROUP BY day ORDER BY day"
	out := []DayStats{}
	if err := s.db.Select(ctx, &out, q, args...); err != nil {
		return nil, fmt.Errorf("archive: unable to read the usage: %w", err)
	}
	for i := range out {
		out[i].DatasetID = datasetID
		if n := out[i].Hits + out[i].Misses; n > 0 {
			out[i].HitRate = float64(out[i].Hits) / float64(n)
		}
	}
	return out, nil
}

// QueryEntry is one audited query.
type QueryEntry struct {
	ID        int64     `db:"id" json:"id"`
	At        time.Time `db:"at" json:"at"`
	Kiosk     string    `db:"kiosk_id" json:"kiosk"`
	Address   string    `db:"address" json:"address"`
	DatasetID int64     `db:"dataset_id" json:"dataset_id"`
	Outcome   string    `db:"outcome" json:"outcome"`
	Records   int       `db:"records" json:"records"`
}

// QueryFilter narrows the query audit; zero values do not filter.
type QueryFilter struct {
	DatasetID int64
	Kiosk     string
	Outcome   string
	BeforeID  int64
	Limit     int
}

// Queries lists the query audit, newest first.
func (s *Service) Queries(ctx context.Context, f QueryFilter) ([]QueryEntry, error) {
	if err := s.rec.flush(ctx); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	add := func(cond string, v any) { where = append(where, cond); args = append(args, v) }
	if f.DatasetID > 0 {
		add("dataset_id = ?", f.DatasetID)
	}
	if f.Kiosk != "" {
		add("kiosk_id = ?", f.Kiosk)
	}
	if f.Outcome != "" {
		add("outcome = ?", f.Outcome)
	}
	if f.BeforeID > 0 {
		add("id < ?", f.BeforeID)
	}
	q := "SELECT id, at, kiosk_id, address, dataset_id, outcome, records FROM archive_queries"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += fmt.Sprintf(" ORDER BY id DESC LIMIT %d", max(1, min(f.Limit, 500)))
	out := []QueryEntry{}
	if err := s.db.Select(ctx, &out, q, args...); err != nil {
		return nil, fmt.Errorf("archive: unable to list queries: %w", err)
	}
	return out, nil
}
