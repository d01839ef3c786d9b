package suggestion_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/suggestion"
	"github.com/hallcast/hallcast/web"
)

func code(err error) web.Code {
	var we *web.Error
	if errors.As(err, &we) {
		return we.Code
	}
	return ""
}

func TestSuggestionLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		keys, err := sealed.NewKeyring(sealed.Generate())
		if err != nil {
			t.Fatal(err)
		}
		s := suggestion.New(db, suggestion.Options{Clock: clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)), Keys: keys})
		if _, err := s.Submit(ctx, 0, suggestion.Input{Category: "gripe", Body: "x"}); code(err) != web.CodeInvalid {
			t.Fatalf("bad category: %v", err)
		}
		if _, err := s.Submit(ctx, 0, suggestion.Input{Category: "complaint", Body: "x", Phone: "12345"}); code(err) != web.CodeInvalid {
			t.Fatalf("bad phone: %v", err)
		}
		rc, err := s.Submit(ctx, 0, suggestion.Input{Category: "complaint", Body: "三号窗口午休时无人值守", Phone: "139-0000-1234"})
		if err != nil || len(rc.TrackingNo) != 12 || rc.PhoneMasked != "139****1234" || rc.QueryCode != "" {
			t.Fatalf("receipt %+v %v", rc, err)
		}
		anon, err := s.Submit(ctx, 0, suggestion.Input{Category: "suggestion", Body: "增加老年人专窗"})
		if err != nil || len(anon.QueryCode) != 4 {
			t.Fatalf("anonymous receipt %+v %v", anon, err)
		}
		if st, err := s.Lookup(ctx, anon.TrackingNo, anon.QueryCode); err != nil || st.Status != "received" {
			t.Fatalf("lookup by query code: %+v %v", st, err)
		}
		for _, bad := range [][2]string{{rc.TrackingNo, "0000"}, {"261123000000", "1234"}, {rc.TrackingNo, "123"}} {
			if _, err := s.Lookup(ctx, bad[0], bad[1]); code(err) != web.CodeNotFound {
				t.Errorf("lookup %v: %v", bad, err)
			}
		}
		list, _ := s.List(ctx, false)
		if len(list) != 2 || list[1].PhoneMasked != "139****1234" {
			t.Fatalf("list %+v", list)
		}
		who := audit.Actor{Name: "ed"}
		id := list[1].ID
		if err := s.Reply(ctx, who, id, "已安排午间轮岗，感谢您的监督。"); err != nil {
			t.Fatal(err)
		}
		st, err := s.Lookup(ctx, rc.TrackingNo, "1234")
		if err != nil || st.Status != "replied" || st.Reply != "已安排午间轮岗，感谢您的监督。" {
			t.Fatalf("after reply %+v %v", st, err)
		}
		if err := s.Close(ctx, who, id); err != nil {
			t.Fatal(err)
		}
		if err := s.Reply(ctx, who, id, "again"); code(err) != web.CodeInvalidState {
			t.Fatalf("reply after close: %v", err)
		}
		if n, _ := s.Open(ctx); n != 1 {
			t.Fatalf("open %d", n)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, suggestion.Migrations)
}
