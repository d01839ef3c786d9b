package disclosure

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
)

// RecomputeDates implements calendar.Dependent: deadlines are computed
// from the event log, so nothing is stored, but every open request whose
// deadline a change of the holiday lists moves is listed (and audited by
// the calendar) so that the office sees it.
func (s *Service) RecomputeDates(ctx context.Context, tx *store.Tx, before, after *calendar.Calendar) ([]calendar.Moved, error) {
	var rows []struct {
		ID         int64  `db:"id"`
		TrackingNo string `db:"tracking_no"`
	}
	if err := tx.Select(ctx, &rows, "SELECT id, tracking_no FROM disclosure_requests WHERE status NOT IN ('replied', 'abandoned') ORDER BY id"); err != nil {
		return nil, fmt.Errorf("disclosure: unable to list open requests: %w", err)
	}
	today := s.today()
	var moved []calendar.Moved
	for _, r := range rows {
		log, err := logOf(ctx, tx, r.ID)
		if err != nil {
			return nil, fmt.Errorf("disclosure: unable to read request %d: %w", r.ID, err)
		}
		old, errOld := Compute(before, events(log), today)
		now, errNew := Compute(after, events(log), today)
		if errOld != nil || errNew != nil || old.Due == nil || now.Due == nil || *old.Due == *now.Due {
			continue // a request the calendar cannot count is shown as such on its page
		}
		moved = append(moved, calendar.Moved{Kind: "disclosure_request", ID: r.ID, Label: "依申请公开 " + r.TrackingNo,
			Old: *old.Due, New: *now.Due, Provisional: now.Provisional})
	}
	return moved, nil
}
