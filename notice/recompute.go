package notice

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
)

// RecomputeDates implements calendar.Dependent: a live notice whose end
// comes from a notice period (R7) ends where the changed lists put it,
// together with the interpretations that end with it (R5); screens are told.
func (s *Service) RecomputeDates(ctx context.Context, tx *store.Tx, before, after *calendar.Calendar) ([]calendar.Moved, error) {
	now := s.now()
	vs, err := loadVersions(ctx, tx, "status = ? AND period_n IS NOT NULL AND expire_at > ? ORDER BY id", StatusPublished, now)
	if err != nil {
		return nil, err
	}
	var moved []calendar.Moved
	for _, v := range vs {
		if v.Period == nil || v.PublishedAt == nil || v.ExpireAt == nil {
			continue
		}
		end, err := periodEndOn(after, *v.Period, *v.PublishedAt, s.loc)
		if err != nil || end.Equal(*v.ExpireAt) {
			continue // a period the calendar cannot count keeps its end
		}
		old := *v.ExpireAt
		if err := s.moveEnd(ctx, tx, v, old, end, now); err != nil {
			return nil, err
		}
		moved = append(moved, calendar.Moved{Kind: "notice", ID: v.NoticeID, Label: v.Title,
			Old: lastDay(old, s.loc), New: lastDay(end, s.loc),
			Provisional: after.Provisional(calendar.DateOf(v.PublishedAt.In(s.loc)), lastDay(end, s.loc))})
	}
	return moved, nil
}

// moveEnd sets the end of live version v, and of the live interpretations
// that ended with it, and queues the change event.
func (s *Service) moveEnd(ctx context.Context, tx *store.Tx, v *Version, old, end, now time.Time) error {
	group := []*Version{v}
	if v.Kind == KindPolicy {
		ls, err := liveInterpretations(ctx, tx, v)
		if err != nil {
			return err
		}
		for _, l := range ls {
			if l.ExpireAt != nil && l.ExpireAt.Equal(old) {
				group = append(group, l)
			}
		}
	}
	for _, g := range group {
		e := end.UTC()
		if _, err := tx.Exec(ctx, "UPDATE notice_versions SET expire_at = ? WHERE id = ?", e, g.ID); err != nil {
			return fmt.Errorf("notice: unable to move the end of version %d: %w", g.ID, err)
		}
		if _, err := tx.Exec(ctx, "UPDATE notices SET updated_at = ? WHERE id = ?", now, g.NoticeID); err != nil {
			return fmt.Errorf("notice: unable to move the end of notice %d: %w", g.NoticeID, err)
		}
		g.ExpireAt = &e
		publishEvent(tx, EventUpdated, g, nil)
	}
	return nil
}
