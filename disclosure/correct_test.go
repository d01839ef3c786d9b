package disclosure_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

// Correcting a receipt date rewrites the receipt event: the deadline is
// recomputed from the log, the change is kept with its reason and audited.
func TestCorrectReceipt(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, fake := service(t, db, nov10)
		r, err := s.Register(ctx, staff, registration(disclosure.ChannelPost, "2026-11-02"), nil)
		if err != nil || r.State.Due.String() != "2026-11-30" {
			t.Fatalf("registered: %+v %v", r, err)
		}
		refusals := []struct {
			name, date, reason string
			code               web.Code
			field              string
		}{
			{"no reason", "2026-09-30", " ", web.CodeRequired, "reason"},
			{"future", "2026-11-11", "签收单日期", web.CodeOutOfRange, "date"},
			{"too old", "2023-06-01", "签收单日期", web.CodeOutOfRange, "date"},
			{"same date", "2026-11-02", "签收单日期", web.CodeInvalid, "date"},
		}
		for _, tc := range refusals {
			if _, err := s.CorrectReceipt(ctx, staff, r.ID, tc.date, tc.reason); code(err) != tc.code || field(err) != tc.field {
				t.Errorf("%s: %v, want %s on %s", tc.name, err, tc.code, tc.field)
			}
		}
		if _, err := s.CorrectReceipt(ctx, staff, r.ID+99, "2026-09-30", "签收单日期"); code(err) != web.CodeNotFound {
			t.Errorf("unknown request: %v", err)
		}
		// The post was in fact signed for on the eve of 国庆.
		st, err := s.CorrectReceipt(ctx, audit.Actor{Name: "rita"}, r.ID, "2026-09-30", "收发室签收单为9月30日，登记时误填")
		if err != nil || st.ReceivedOn.String() != "2026-09-30" || st.Due.String() != "2026-11-03" {
			t.Fatalf("corrected: %+v %v", st, err)
		}
		got, _ := s.Get(ctx, r.ID)
		if got.State.Due.String() != "2026-11-03" || !got.State.Overdue || got.Log[0].Date.String() != "2026-09-30" || len(got.Log) != 1 {
			t.Fatalf("after the correction: %+v", got.State)
		}
		if c := got.Corrections; len(c) != 1 || c[0].OldDate.String() != "2026-11-02" || c[0].NewDate.String() != "2026-09-30" ||
			c[0].ActorName != "rita" || !strings.Contains(c[0].Reason, "误填") {
			t.Fatalf("corrections %+v", c)
		}
		var after, before string
		if err := db.Get(ctx, &after, "SELECT after_json FROM audit_log WHERE action = 'disclosure.receipt_corrected'"); err != nil {
			t.Fatal(err)
		}
		if err := db.Get(ctx, &before, "SELECT before_json FROM audit_log WHERE action = 'disclosure.receipt_corrected'"); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(before, `"received_on":"2026-11-02"`) || !strings.Contains(after, `"received_on":"2026-09-30"`) ||
			!strings.Contains(after, "误填") || !strings.Contains(after, `"due":"2026-11-03"`) {
			t.Fatalf("audit before %s after %s", before, after)
		}

		// A date after the next step of the log is refused.
		fake.Set(time.Date(2026, 11, 12, 9, 0, 0, 0, shanghai))
		r2, _ := s.Register(ctx, staff, registration(disclosure.ChannelFax, "2026-11-02"), nil)
		if _, err := s.Act(ctx, staff, r2.ID, disclosure.Event{Kind: disclosure.EventConsultStarted, Date: d("2026-11-04"), Text: "征求某公司意见"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CorrectReceipt(ctx, staff, r2.ID, "2026-11-05", "传真确认日"); code(err) != web.CodeOutOfRange || field(err) != "date" {
			t.Fatalf("after the next step: %v", err)
		}
		// Moving the receipt back so that an earlier correction request
		// comes too late (第三十条: within 7 working days) is refused by
		// the log, and nothing changes.
		r3, _ := s.Register(ctx, staff, registration(disclosure.ChannelInPerson, "2026-11-09"), nil)
		if _, err := s.Act(ctx, staff, r3.ID, disclosure.Event{Kind: disclosure.EventCorrectionRequested, Date: d("2026-11-12"), Text: "请补充所需信息的文号"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CorrectReceipt(ctx, staff, r3.ID, "2026-10-20", "登记错误"); code(err) != web.CodeInvalidState {
			t.Fatalf("correction request made late by the change: %v", err)
		}
		if got, _ := s.Get(ctx, r3.ID); got.State.ReceivedOn.String() != "2026-11-09" || len(got.Corrections) != 0 {
			t.Fatalf("a refused correction changed the request: %+v", got.State)
		}
		if n := count(t, db, "disclosure_receipt_corrections"); n != 1 {
			t.Fatalf("%d corrections stored", n)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations)
}

func d(s string) calendar.Date {
	v, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}
