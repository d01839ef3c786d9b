package disclosure_test

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
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

type fixedCal struct{ c *calendar.Calendar }

func (f fixedCal) Calendar(context.Context) (*calendar.Calendar, error) { return f.c, nil }

var shanghai = time.FixedZone("CST", 8*3600)

func service(t *testing.T, db *store.DB, at time.Time) (*disclosure.Service, *clock.Fake) {
	cal, err := calendar.New(calendar.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	fake := clock.NewFake(at)
	return disclosure.New(db, disclosure.Options{Clock: fake, Location: shanghai, Calendar: fixedCal{cal}, Keys: newKeys(t)}), fake
}

// newKeys is a keyring of one new contact key.
func newKeys(t *testing.T) *sealed.Keyring {
	t.Helper()
	r, err := sealed.NewKeyring(sealed.Generate())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func application() disclosure.Application {
	return disclosure.Application{ApplicantType: "person", Name: "张三丰", IDType: "resident_id", IDNumber: "11010519491231002X",
		Phone: "138 1234 5678", Address: "某县城关镇解放路1号", Postcode: "100000", Description: "2025年石桥镇征地补偿款发放明细",
		Form: "paper", Delivery: "mail"}
}

func code(err error) web.Code {
	var we *web.Error
	if errors.As(err, &we) {
		return we.Code
	}
	return ""
}

func TestRequestLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		// Received late on 2026-09-30 (Shanghai), the eve of the National Day holiday.
		s, fake := service(t, db, time.Date(2026, 9, 30, 16, 30, 0, 0, shanghai))
		rc, err := s.Submit(ctx, 0, application())
		if err != nil {
			t.Fatal(err)
		}
		if rc.Due.String() != "2026-11-03" || len(rc.TrackingNo) != 12 || rc.PhoneMasked != "138****5678" || rc.Name != "张**" {
			t.Fatalf("receipt %+v", rc)
		}
		bad := application()
		bad.IDNumber = "110105194912310021"
		bad.Delivery = "email"
		if _, err := s.Submit(ctx, 0, bad); code(err) != web.CodeInvalid {
			t.Fatalf("bad ID number accepted: %v", err)
		}
		// Status lookups: right digits only, one answer for every wrong input.
		st, err := s.Lookup(ctx, rc.TrackingNo, "5678")
		if err != nil || st.Status != disclosure.StatusProcessing || st.Due.String() != "2026-11-03" {
			t.Fatalf("lookup %+v %v", st, err)
		}
		for _, bad := range [][2]string{{rc.TrackingNo, "1234"}, {"000000000000", "5678"}, {rc.TrackingNo, ""}, {"x", "y"}} {
			if _, err := s.Lookup(ctx, bad[0], bad[1]); code(err) != web.CodeNotFound {
				t.Errorf("lookup %v: %v", bad, err)
			}
		}
		list, _ := s.List(ctx, false)
		if len(list) != 1 || list[0].IDMasked != "110105********002X" || list[0].PhoneMasked != "138****5678" {
			t.Fatalf("list %+v", list)
		}
		id := list[0].ID
		who := audit.Actor{Name: "ed"}
		fake.Set(time.Date(2026, 10, 12, 10, 0, 0, 0, shanghai))
		if _, err := s.Act(ctx, who, id, disclosure.Event{Kind: disclosure.EventExtended, Days: 21, Text: "需调取档案"}); code(err) != web.CodeOutOfRange {
			t.Fatalf("21 days: %v", err)
		}
		state, err := s.Act(ctx, who, id, disclosure.Event{Kind: disclosure.EventExtended, Days: 20, Text: "需调取档案"})
		if err != nil || state.Due.String() != "2026-12-01" {
			t.Fatalf("extension: %+v %v", state, err)
		}
		if _, err := s.Act(ctx, who, id, disclosure.Event{Kind: disclosure.EventExtended, Days: 1, Text: "再延"}); code(err) != web.CodeInvalidState {
			t.Fatalf("second extension: %v", err)
		}
		if _, err := s.Act(ctx, who, id, disclosure.Event{Kind: disclosure.EventReplied, Outcome: "maybe", Text: "x"}); code(err) != web.CodeInvalid {
			t.Fatalf("bad outcome: %v", err)
		}
		if _, err := s.Act(ctx, who, id, disclosure.Event{Kind: disclosure.EventReplied, Outcome: disclosure.OutcomeDisclosed, Text: "见附件明细表"}); err != nil {
			t.Fatal(err)
		}
		st, _ = s.Lookup(ctx, rc.TrackingNo, "5678")
		if st.Status != disclosure.StatusReplied || st.Reply != "见附件明细表" || st.OutcomeLabel == "" {
			t.Fatalf("after reply %+v", st)
		}
		full, _ := s.Get(ctx, id)
		if len(full.Log) != 3 || full.Log[1].ActorName != "ed" {
			t.Fatalf("log %+v", full.Log)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations)
}

func TestDueSoonAndOverdueFlags(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, fake := service(t, db, time.Date(2026, 3, 2, 9, 0, 0, 0, shanghai))
		for range 2 {
			if _, err := s.Submit(ctx, 0, application()); err != nil {
				t.Fatal(err)
			}
		}
		fake.Set(time.Date(2026, 3, 26, 9, 0, 0, 0, shanghai)) // 2 working days before 03-30
		if sum, _ := s.Summarize(ctx); sum.Open != 2 || sum.DueSoon != 2 || sum.Overdue != 0 {
			t.Fatalf("due soon: %+v", sum)
		}
		fake.Set(time.Date(2026, 3, 31, 9, 0, 0, 0, shanghai))
		if sum, _ := s.Summarize(ctx); sum.Overdue != 2 || sum.DueSoon != 0 {
			t.Fatalf("overdue: %+v", sum)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations)
}
