package archive

import (
	"context"
	"fmt"
	"strings"

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

// applyKiosks moves each kiosk's run of misses by the hits and misses of
// the group, in order: kiosks that only hit are reset with one UPDATE, the
// others are read and written with one statement each.
func (r *recorder) applyKiosks(ctx context.Context, tx *store.Tx, p Protection, group []*queryEvent) error {
	byKiosk := map[string][]*queryEvent{}
	var order []string
	for _, ev := range group {
		if !ev.guarded || (ev.outcome != OutcomeHit && ev.outcome != OutcomeMiss) {
			continue
		}
		if _, ok := byKiosk[ev.kiosk]; !ok {
			order = append(order, ev.kiosk)
		}
		byKiosk[ev.kiosk] = append(byKiosk[ev.kiosk], ev)
	}
	var hitOnly, missed []string
	for _, kiosk := range order {
		m := false
		for _, ev := range byKiosk[kiosk] {
			m = m || ev.outcome == OutcomeMiss
		}
		if m {
			missed = append(missed, kiosk)
		} else {
			hitOnly = append(hitOnly, kiosk)
		}
	}
	if len(hitOnly) > 0 {
		args := make([]any, len(hitOnly))
		for i, k := range hitOnly {
			args[i] = k
		}
		if _, err := tx.Exec(ctx, "UPDATE archive_kiosks SET misses = 0, next_at = NULL WHERE (misses > 0 OR next_at IS NOT NULL) AND kiosk_id IN (?"+
			strings.Repeat(", ?", len(hitOnly)-1)+")", args...); err != nil {
			return fmt.Errorf("archive: unable to save the state of kiosks: %w", err)
		}
	}
	if len(missed) == 0 {
		return nil
	}
	states, err := kioskStatesOf(ctx, tx, missed, true)
	if err != nil {
		return err
	}
	for _, kiosk := range missed {
		st := states[kiosk]
		for _, ev := range byKiosk[kiosk] {
			st = p.after(st, ev.outcome == OutcomeHit, ev.at)
		}
		states[kiosk] = st
	}
	return saveKioskStates(ctx, tx, states)
}
