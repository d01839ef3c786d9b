package notice_test

import (
	"context"
	"testing"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/notice"
)

// A 公示 of 7 working days published on Friday 2026-02-13, the last
// working day before the Spring Festival (02-15..02-23 off): make-up
// Saturday 02-14 is day 1, then 02-24..02-27, make-up Saturday 02-28 and
// Monday 03-02 (day 7). It is shown through 03-02 and leaves the screens
// at midnight.
func TestPublicityPeriodAcrossTheSpringFestival(t *testing.T) {
	friday := time.Date(2026, 2, 13, 10, 0, 0, 0, shanghai)
	each(t, friday, func(t *testing.T, e *env) {
		ctx := context.Background()
		// 社会救助 has a default period of 7 working days; a 公示 takes it.
		id := e.written(e.input("低保初审名单公示", notice.KindPublicity, "SHJZ"))
		d := e.approve(e.reviewer, id)
		v := d.Current
		if v.Period == nil || *v.Period != (calendar.Period{N: 7, Unit: calendar.UnitWorkdays}) {
			t.Fatalf("period %+v", v.Period)
		}
		wantEnd := time.Date(2026, 3, 3, 0, 0, 0, 0, shanghai)
		if v.ExpireAt == nil || !v.ExpireAt.Equal(wantEnd) || d.EndDate == nil || *d.EndDate != "2026-03-02" {
			t.Fatalf("expire %v, end date %v", v.ExpireAt, d.EndDate)
		}
		p, _ := e.svc.PublicNotice(ctx, id)
		left, unit, ok, err := e.svc.Remaining(ctx, *p, time.Date(2026, 2, 24, 9, 0, 0, 0, shanghai))
		if err != nil || !ok || left != 5 || unit != calendar.UnitWorkdays {
			t.Fatalf("remaining on 02-24: %d %s %v %v", left, unit, ok, err)
		}
		next, ok, err := e.svc.NextTransition(ctx)
		if err != nil || !ok || !next.Equal(wantEnd) {
			t.Fatalf("next transition %v %v %v", next, ok, err)
		}
		if n, err := e.svc.PublishDue(ctx, wantEnd.Add(-time.Minute)); err != nil || n != 0 {
			t.Fatalf("a minute before the end: %d %v", n, err)
		}
		if n, err := e.svc.PublishDue(ctx, wantEnd); err != nil || n != 1 {
			t.Fatalf("at the end: %d %v", n, err)
		}
		if ps := e.published(notice.PublicFilter{}); len(ps) != 0 {
			t.Fatalf("still on air: %d", len(ps))
		}
		arch, _ := e.svc.Archive(ctx, notice.PublicFilter{})
		if len(arch) != 1 || arch[0].Status != notice.StatusExpired || *arch[0].EndDate != "2026-03-02" {
			t.Fatalf("archive %+v", arch)
		}
		if _, ok, _ := e.svc.NextTransition(ctx); ok {
			t.Fatal("a transition is still pending")
		}
	})
}

func TestExplicitEndAndCalendarDays(t *testing.T) {
	friday := time.Date(2026, 2, 13, 10, 0, 0, 0, shanghai)
	each(t, friday, func(t *testing.T, e *env) {
		in := e.input("征地补偿安置方案公告", notice.KindAnnouncement, "ZDXX")
		in.Period = &calendar.Period{N: 30, Unit: calendar.UnitDays}
		d := e.approve(e.reviewer, e.written(in))
		if *d.EndDate != "2026-03-15" {
			t.Fatalf("30 days from 02-13: %s", *d.EndDate)
		}
		in = e.input("停电通知", notice.KindNotification, "TZGG")
		end := time.Date(2026, 2, 14, 18, 0, 0, 0, shanghai)
		in.ExpireAt = &end
		d = e.approve(e.reviewer, e.written(in))
		if !d.Current.ExpireAt.Equal(end) || *d.EndDate != "2026-02-14" {
			t.Fatalf("explicit end %v %s", d.Current.ExpireAt, *d.EndDate)
		}
	})
}
