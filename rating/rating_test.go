package rating_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

type fixedCal struct{ c *calendar.Calendar }

func (f fixedCal) Calendar(context.Context) (*calendar.Calendar, error) { return f.c, nil }

func code(err error) web.Code {
	var we *web.Error
	if errors.As(err, &we) {
		return we.Code
	}
	return ""
}

func TestRatingsFollowupsAndStats(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		cal, _ := calendar.New(calendar.Builtin())
		zone := time.FixedZone("CST", 8*3600)
		fake := clock.NewFake(time.Date(2026, 9, 30, 15, 0, 0, 0, zone))
		s := rating.New(db, rating.Options{Clock: fake, Location: zone, Calendar: fixedCal{cal}})

		good, err := s.Create(ctx, 0, "session-1", rating.Input{Level: 5, Service: "税务", Tags: []string{"服务态度好"}})
		if err != nil || good.FollowupDue != nil {
			t.Fatalf("good rating: %+v %v", good, err)
		}
		if _, err := s.Create(ctx, 0, "session-1", rating.Input{Level: 1}); code(err) != web.CodeConflict {
			t.Fatalf("second rating in one session: %v", err)
		}
		if _, err := s.Create(ctx, 0, "session-2", rating.Input{Level: 6}); code(err) != web.CodeOutOfRange {
			t.Fatalf("level 6: %v", err)
		}
		if _, err := s.Create(ctx, 0, "session-2", rating.Input{Level: 3, Tags: []string{"<script>"}}); code(err) != web.CodeInvalid {
			t.Fatalf("unknown tag: %v", err)
		}
		// A bad rating on the eve of the National Day holiday: 5 working
		// days are 10-08, 10-09, Saturday 10-10 (make-up day), 10-12, 10-13.
		bad, err := s.Create(ctx, 0, "session-3", rating.Input{Level: 1, Service: "税务", Tags: []string{"等候时间长"}, Comment: "排队两小时", CaseNo: "SW2026093000017"})
		if err != nil || bad.FollowupDue == nil || bad.FollowupDue.String() != "2026-10-13" {
			t.Fatalf("bad rating: %+v %v", bad, err)
		}
		open, _ := s.List(ctx, rating.Filter{OpenOnly: true})
		if len(open) != 1 || open[0].FollowupID == nil || open[0].Comment != "排队两小时" || open[0].Tags[0] != "等候时间长" {
			t.Fatalf("open follow-ups %+v", open)
		}
		fid := *open[0].FollowupID
		who := audit.Actor{Name: "ed"}
		if err := s.Close(ctx, who, fid, " "); code(err) != web.CodeRequired {
			t.Fatalf("close without resolution: %v", err)
		}
		fake.Set(time.Date(2026, 10, 14, 9, 0, 0, 0, zone))
		if open, _ := s.List(ctx, rating.Filter{OpenOnly: true}); !open[0].Overdue {
			t.Fatal("follow-up past its deadline is not overdue")
		}
		if err := s.Close(ctx, who, fid, "已电话回访，增开窗口"); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(ctx, who, fid, "again"); code(err) != web.CodeInvalidState {
			t.Fatalf("close twice: %v", err)
		}
		st, err := s.Stats(ctx, time.Date(2026, 9, 1, 0, 0, 0, 0, zone), time.Date(2026, 11, 1, 0, 0, 0, 0, zone))
		if err != nil || len(st) != 2 || st[0].Total != 2 || st[0].Bad != 1 || st[1].Service != "税务" || st[1].Counts[5] != 1 || st[0].Satisfaction != 50 {
			t.Fatalf("stats %+v %v", st, err)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, rating.Migrations)
}
