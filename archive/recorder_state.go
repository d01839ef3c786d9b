package archive

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/store"
)

// dayCount is one day's counts of one dataset.
type dayCount struct{ queries, hits, misses, refused int }

// countDays adds a group's queries to the daily statistics (days in the
// service's time zone).
func (r *recorder) countDays(ctx context.Context, tx *store.Tx, group []*queryEvent) error {
	type key struct {
		day     string
		dataset int64
	}
	counts := map[key]*dayCount{}
	var order []key
	for _, ev := range group {
		k := key{ev.at.In(r.s.loc).Format("2006-01-02"), ev.datasetID}
		c := counts[k]
		if c == nil {
			c = &dayCount{}
			counts[k] = c
			order = append(order, k)
		}
		c.queries++
		switch ev.outcome {
		case OutcomeHit:
			c.hits++
		case OutcomeMiss:
			c.misses++
		default:
			c.refused++
		}
	}
	for _, k := range order {
		c := counts[k]
		if _, err := tx.Exec(ctx, `INSERT INTO archive_query_days (day, dataset_id, queries, hits, misses, refused) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (day, dataset_id) DO UPDATE SET queries = archive_query_days.queries + excluded.queries,
			hits = archive_query_days.hits + excluded.hits, misses = archive_query_days.misses + excluded.misses,
			refused = archive_query_days.refused + excluded.refused`, k.day, k.dataset, c.queries, c.hits, c.misses, c.refused); err != nil {
			return fmt.Errorf("archive: unable to count queries: %w", err)
		}
	}
	return nil
}
