package disclosure

import (
	"context"

	"github.com/hallcast/hallcast/calendar"
)

// detail adds to the view of one request what the list leaves out: its
// scanned application, the kind of day its receipt was, and the
// corrections of its receipt date.
func (s *Service) detail(ctx context.Context, cal *calendar.Calendar, v *Request) error {
	var err error
	if v.Scan, err = s.scanInfo(ctx, v.ID, v.TrackingNo); err != nil {
		return err
	}
	if v.ReceivedDay, err = receiptDay(cal, v.State.ReceivedOn); err != nil {
		return err
	}
	v.Corrections, err = corrections(ctx, s.db, v.ID)
	return err
}
