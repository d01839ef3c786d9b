package disclosure_test

import (
	"context"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

// TestSubmitOnline: an application sent on the web form is received the
// day it is submitted (条例 第三十一条（三）: both sides confirm at once),
// under the kiosk's rules, with the channel online and no kiosk.
func TestSubmitOnline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		// A Saturday evening: the day of receipt stays Saturday; the count
		// starts on the next working day.
		s, _ := service(t, db, time.Date(2026, 11, 28, 21, 30, 0, 0, shanghai))
		rc, err := s.SubmitOnline(ctx, application())
		if err != nil {
			t.Fatal(err)
		}
		if rc.ReceivedOn.String() != "2026-11-28" || rc.Due.String() != "2026-12-25" || rc.Name != "张**" {
			t.Fatalf("receipt %+v", rc)
		}
		var row struct {
			Channel string `db:"channel"`
			Device  *int64 `db:"device_id"`
		}
		if err := db.Get(ctx, &row, "SELECT channel, device_id FROM disclosure_requests WHERE tracking_no = ?", rc.TrackingNo); err != nil {
			t.Fatal(err)
		}
		if row.Channel != string(disclosure.ChannelOnline) || row.Device != nil {
			t.Fatalf("stored %+v", row)
		}
		bad := application()
		bad.Phone = "12"
		if _, err := s.SubmitOnline(ctx, bad); code(err) != web.CodeInvalid {
			t.Fatalf("a bad phone: %v", err)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations)
}
