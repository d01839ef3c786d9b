package rating

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
)

// RecomputeDates implements calendar.Dependent: an open follow-up keeps
// the number of working days it was given, counted again on the changed
// lists from the day of its rating, and its stored deadline moves with it.
func (s *Service) RecomputeDates(ctx context.Context, tx *store.Tx, before, after *calendar.Calendar) ([]calendar.Moved, error) {
	var rows []struct {
		ID        int64     `db:"id"`
		RatingID  int64     `db:"rating_id"`
		Service   string    `db:"service"`
		DueOn     string    `db:"due_on"`
		CreatedAt time.Time `db:"created_at"`
	}
	if err := tx.Select(ctx, &rows, `SELECT f.id, f.rating_id, r.service, f.due_on, r.created_at
		FROM rating_followups f JOIN ratings r ON r.id = f.rating_id WHERE f.status = 'open' ORDER BY f.id`); err != nil {
		return nil, fmt.Errorf("rating: unable to list open follow-ups: %w", err)
	}
	var moved []calendar.Moved
	for _, r := range rows {
		old, err := calendar.ParseDate(r.DueOn)
		if err != nil {
			continue
		}
		from := calendar.DateOf(r.CreatedAt.In(s.opts.Location))
		n, err := before.WorkdaysBetween(from, old)
		if err != nil {
			continue
		}
		due, err := after.AddWorkdays(from, n)
		if err != nil || due == old {
			continue
		}
		if _, err := tx.Exec(ctx, "UPDATE rating_followups SET due_on = ? WHERE id = ?", due.String(), r.ID); err != nil {
			return nil, fmt.Errorf("rating: unable to move follow-up %d: %w", r.ID, err)
		}
		moved = append(moved, calendar.Moved{Kind: "rating_followup", ID: r.ID, Label: fmt.Sprintf("差评回访 #%d %s", r.RatingID, r.Service),
			Old: old, New: due, Provisional: after.Provisional(from, due)})
	}
	return moved, nil
}
