package notice

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/calendar"
)

// SearchDoc is what a full-text index needs of a public notice: its
// public text (R6), so that no index finds a notice by a number it shows
// masked.
type SearchDoc struct {
	ID           int64      `db:"id" json:"id"`
	Status       Status     `db:"status" json:"status"` // published or expired
	Title        string     `db:"title" json:"title"`
	Text         string     `db:"body_text" json:"text"` // plain text of the body
	IndexNo      *string    `db:"index_no" json:"index_no"`
	Kind         Kind       `db:"kind" json:"kind"`
	CategoryID   int64      `db:"category_id" json:"category_id"`
	CategoryPath string     `db:"-" json:"category_path"`
	MadeOn       *string    `db:"made_on" json:"made_on"`
	PublishedAt  *time.Time `db:"published_at" json:"published_at"`
	ExpireAt     *time.Time `db:"expire_at" json:"expire_at"`
	UpdatedAt    time.Time  `db:"updated_at" json:"updated_at"`
}

// PublishedText returns the searchable text of every published and
// expired notice changed at or after since (the zero time for all), in
// order of change. A search index calls it at start with the zero time,
// then with the time of its last pass whenever a "notice" event arrives;
// notices that left the public (withdrawn) are in Gone.
func (s *Service) PublishedText(ctx context.Context, since time.Time) (docs []SearchDoc, gone []int64, err error) {
	docs = []SearchDoc{}
	err = s.db.Select(ctx, &docs, `SELECT n.id, lv.status, lv.public_title AS title, lv.public_body_text AS body_text, n.index_no,
		lv.kind, lv.category_id, lv.made_on, lv.published_at, lv.expire_at, n.updated_at
		FROM notices n JOIN notice_versions lv ON lv.id = n.live_version_id
		WHERE lv.status IN ('published', 'expired') AND lv.public_title IS NOT NULL AND n.withdrawn_at IS NULL AND n.updated_at >= ?
		ORDER BY n.updated_at, n.id`, since)
	if err != nil {
		return nil, nil, fmt.Errorf("notice: unable to read published text: %w", err)
	}
	gone = []int64{}
	if err := s.db.Select(ctx, &gone, "SELECT id FROM notices WHERE withdrawn_at IS NOT NULL AND updated_at >= ? ORDER BY id", since); err != nil {
		return nil, nil, fmt.Errorf("notice: unable to read withdrawn notices: %w", err)
	}
	cats, err := catalogueByID(ctx, s.db)
	if err != nil {
		return nil, nil, err
	}
	for i := range docs {
		docs[i].CategoryPath = cats[docs[i].CategoryID].Path
	}
	return docs, gone, nil
}

// Remaining returns how many days of a public notice's period are left
// after today (working days for a period in working days, else calendar
// days), for a countdown on screen. ok is false when the notice has no
// end.
func (s *Service) Remaining(ctx context.Context, p PublicNotice, now time.Time) (left int, unit calendar.Unit, ok bool, err error) {
	if p.EndDate == nil {
		return 0, "", false, nil
	}
	end, err := calendar.ParseDate(*p.EndDate)
	if err != nil {
		return 0, "", false, err
	}
	today := calendar.DateOf(now.In(s.loc))
	if p.Period == nil || p.Period.Unit == calendar.UnitDays {
		return max(today.DaysUntil(end), 0), calendar.UnitDays, true, nil
	}
	cal, err := s.cal.Calendar(ctx)
	if err != nil {
		return 0, "", false, err
	}
	n, err := cal.WorkdaysBetween(today, end)
	if err != nil {
		return 0, "", false, err
	}
	return max(n, 0), calendar.UnitWorkdays, true, nil
}
