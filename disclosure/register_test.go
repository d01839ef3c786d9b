package disclosure_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

// nov10 is the fake today of the registration tests: Tuesday 2026-11-10.
var nov10 = time.Date(2026, 11, 10, 9, 0, 0, 0, shanghai)

var staff = audit.Actor{Name: "ed"}

func registration(channel disclosure.Channel, received string) disclosure.Registration {
	return disclosure.Registration{Application: application(), Channel: channel, ReceivedOn: received}
}

// pngScan is the start of a PNG file: enough for content sniffing.
var pngScan = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00")

func count(t *testing.T, db *store.DB, table string) int {
	t.Helper()
	var n int
	if err := db.Get(context.Background(), &n, "SELECT COUNT(*) FROM "+table); err != nil {
		t.Fatal(err)
	}
	return n
}

// Staff register requests with the receipt date of their channel (条例
// 第三十一条); the date is never rolled forward, and a make-up working
// Saturday is a working day.
func TestRegisterCountsFromTheLegalReceiptDate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := service(t, db, nov10)
		cases := []struct {
			name     string
			channel  disclosure.Channel
			received string
			due      string
			workday  bool
			makeUp   bool
			holiday  string
		}{
			// The eve of the National Day holiday: day 1 is 10-08, 10-10 counts.
			{"in person on 国庆 eve", disclosure.ChannelInPerson, "2026-09-30", "2026-11-03", true, false, ""},
			// Signed for on the make-up working Saturday: day 1 is Monday 10-12.
			{"post signed for on 调休 Saturday", disclosure.ChannelPost, "2026-10-10", "2026-11-06", true, true, "国庆节"},
			// The day before: that Saturday is day 1 of its count.
			{"letter confirmed the Friday before", disclosure.ChannelLetter, "2026-10-09", "2026-11-05", true, false, ""},
			// A holiday stays the day of receipt (not moved to 10-08, which
			// would make the deadline 11-05): day 1 is the first working day.
			{"online confirmed on a holiday", disclosure.ChannelOnline, "2026-10-03", "2026-11-03", false, false, "国庆节"},
			{"fax confirmed on a Sunday", disclosure.ChannelFax, "2026-11-08", "2026-12-04", false, false, ""},
		}
		for _, tc := range cases {
			r, err := s.Register(ctx, staff, registration(tc.channel, tc.received), nil)
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if r.Channel != tc.channel || r.State.ReceivedOn.String() != tc.received || r.State.Due == nil || r.State.Due.String() != tc.due {
				t.Errorf("%s: channel %s received %s due %v, want %s %s %s", tc.name, r.Channel, r.State.ReceivedOn, r.State.Due, tc.channel, tc.received, tc.due)
			}
			if d := r.ReceivedDay; d == nil || d.Workday != tc.workday || d.MakeUp != tc.makeUp || d.Holiday != tc.holiday {
				t.Errorf("%s: received day %+v, want workday %v make-up %v holiday %q", tc.name, d, tc.workday, tc.makeUp, tc.holiday)
			}
			if r.ApplicantCategory != disclosure.CategoryPerson || r.IDMasked != "110105********002X" || len(r.Log) != 1 || r.Log[0].ActorName != "ed" {
				t.Errorf("%s: %+v", tc.name, r)
			}
			if !strings.HasPrefix(r.TrackingNo, strings.ReplaceAll(tc.received[2:], "-", "")) {
				t.Errorf("%s: tracking number %s does not start with the receipt date", tc.name, r.TrackingNo)
			}
		}
		// Organisations are counted by their kind.
		org := registration(disclosure.ChannelPost, "2026-11-02")
		org.Application = disclosure.Application{ApplicantType: "organisation", Name: "某某律师事务所", OrgCode: "91110000100000000X",
			LegalRep: "李四", ContactName: "王五", OrgKind: "legal_service", Phone: "010-6512 3456", Description: "某项目环评批复",
			Form: "paper", Delivery: "pickup"}
		r, err := s.Register(ctx, staff, org, nil)
		if err != nil || r.ApplicantCategory != disclosure.CategoryLegalService || r.ApplicantType != "organisation" {
			t.Fatalf("organisation: %+v %v", r, err)
		}
		org.OrgKind = ""
		if _, err := s.Register(ctx, staff, org, nil); code(err) != web.CodeRequired || field(err) != "org_kind" {
			t.Fatalf("organisation without its kind: %v", err)
		}
		if list, _ := s.List(ctx, false); len(list) != len(cases)+1 {
			t.Fatalf("%d requests listed", len(list))
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations)
}

func field(err error) string {
	var we *web.Error
	if errors.As(err, &we) {
		return we.Field
	}
	return ""
}

// withLimit is service with an upload limit.
func withLimit(t *testing.T, db *store.DB, at time.Time, limit int64) *disclosure.Service {
	c, err := calendar.New(calendar.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	return disclosure.New(db, disclosure.Options{Clock: clock.NewFake(at), Location: shanghai, Calendar: fixedCal{c}, UploadLimit: limit, Keys: newKeys(t)})
}

// Bad input is refused naming the field, and nothing is stored.
func TestRegisterRefuses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		pdfNamedText := &web.File{Name: "申请表.pdf", Data: []byte("这不是扫描件，只是文字")}
		cases := []struct {
			name  string
			reg   disclosure.Registration
			scan  *web.File
			code  web.Code
			field string
		}{
			{"tomorrow", registration(disclosure.ChannelPost, "2026-11-11"), nil, web.CodeOutOfRange, "received_on"},
			{"before last year", registration(disclosure.ChannelPost, "2024-12-31"), nil, web.CodeOutOfRange, "received_on"},
			{"no date", registration(disclosure.ChannelPost, ""), nil, web.CodeRequired, "received_on"},
			{"not a date", registration(disclosure.ChannelPost, "2026-02-30"), nil, web.CodeInvalid, "received_on"},
			{"kiosk is not a staff channel", registration(disclosure.ChannelKiosk, "2026-11-10"), nil, web.CodeInvalid, "channel"},
			{"no channel", registration("", "2026-11-10"), nil, web.CodeInvalid, "channel"},
			{"text named .pdf", registration(disclosure.ChannelPost, "2026-11-10"), pdfNamedText, web.CodeUnsupported, "scan"},
			{"empty scan", registration(disclosure.ChannelPost, "2026-11-10"), &web.File{Name: "a.png"}, web.CodeInvalid, "scan"},
			{"scan over the limit", registration(disclosure.ChannelPost, "2026-11-10"), &web.File{Name: "a.png", Data: append(pngScan, make([]byte, 2048)...)}, web.CodeTooLarge, "scan"},
		}
		small := withLimit(t, db, nov10, 1024)
		for _, tc := range cases {
			_, err := small.Register(ctx, staff, tc.reg, tc.scan)
			if code(err) != tc.code || field(err) != tc.field {
				t.Errorf("%s: %v, want %s on %s", tc.name, err, tc.code, tc.field)
			}
		}
		// A good application with a bad scan: the scan's error, nothing stored.
		for _, table := range []string{"disclosure_requests", "disclosure_events", "disclosure_scans", "audit_log"} {
			if n := count(t, db, table); n != 0 {
				t.Errorf("%s: %d rows after refusals", table, n)
			}
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations)
}

// A scan is stored with the request and read back; the audit entry names
// the request, never the applicant's ID number or phone.
func TestRegisterWithScanIsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := withLimit(t, db, nov10, 1<<20)
		reg := registration(disclosure.ChannelPost, "2026-11-09")
		reg.Note = "挂号信 XA123456789CN"
		r, err := s.Register(ctx, staff, reg, &web.File{Name: "扫描件.pdf", Data: pngScan})
		if err != nil {
			t.Fatal(err)
		}
		// The content decides the type, not the name.
		if r.Scan == nil || r.Scan.ContentType != "image/png" || r.Scan.Size != int64(len(pngScan)) || r.Note != reg.Note {
			t.Fatalf("scan %+v note %q", r.Scan, r.Note)
		}
		info, data, err := s.Scan(ctx, r.ID)
		if err != nil || string(data) != string(pngScan) || info.Name != "扫描件.pdf" {
			t.Fatalf("scan read back: %+v %d bytes %v", info, len(data), err)
		}
		var rows []struct {
			Action string  `db:"action"`
			After  *string `db:"after_json"`
		}
		if err := db.Select(ctx, &rows, "SELECT action, after_json FROM audit_log"); err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].Action != "disclosure.register" || rows[0].After == nil {
			t.Fatalf("audit %+v", rows)
		}
		after := *rows[0].After
		for _, secret := range []string{"11010519491231002X", "13812345678", "138 1234 5678", "张三丰"} {
			if strings.Contains(after, secret) {
				t.Errorf("the audit entry holds %q: %s", secret, after)
			}
		}
		for _, want := range []string{r.TrackingNo, `"channel":"post"`, `"received_on":"2026-11-09"`, `"due":"2026-12-07"`, "image/png"} {
			if !strings.Contains(after, want) {
				t.Errorf("the audit entry lacks %s: %s", want, after)
			}
		}
		if _, _, err := s.Scan(ctx, r.ID+1); code(err) != web.CodeNotFound {
			t.Fatalf("no scan: %v", err)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations)
}

// The kiosk records its channel and the applicant's category.
func TestKioskRecordsChannelAndCategory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := service(t, db, nov10)
		org := disclosure.Application{ApplicantType: "organisation", Name: "某某大学", OrgCode: "12100000400000000X", LegalRep: "赵六",
			ContactName: "钱七", OrgKind: "research", Phone: "13912345678", Description: "科研项目立项文件", Form: "electronic",
			Delivery: "email", Email: "office@example.edu.cn"}
		for _, a := range []disclosure.Application{application(), org} {
			if _, err := s.Submit(ctx, 0, a); err != nil {
				t.Fatal(err)
			}
		}
		list, err := s.List(ctx, true)
		if err != nil || len(list) != 2 {
			t.Fatalf("list %v", err)
		}
		got := map[disclosure.Category]disclosure.Channel{}
		for _, r := range list {
			got[r.ApplicantCategory] = r.Channel
			if r.State.ReceivedOn.String() != "2026-11-10" {
				t.Errorf("received %s", r.State.ReceivedOn)
			}
		}
		if got[disclosure.CategoryPerson] != disclosure.ChannelKiosk || got[disclosure.CategoryResearch] != disclosure.ChannelKiosk {
			t.Fatalf("channels by category %v", got)
		}
		org.OrgKind = "government"
		if _, err := s.Submit(ctx, 0, org); code(err) != web.CodeInvalid || field(err) != "org_kind" {
			t.Fatalf("unknown kind: %v", err)
		}
		// A person's org kind is dropped, not counted.
		p := application()
		p.OrgKind = "business"
		if _, err := s.Submit(ctx, 0, p); err != nil {
			t.Fatal(err)
		}
		list, _ = s.List(ctx, true)
		if list[0].ApplicantCategory != disclosure.CategoryPerson {
			t.Fatalf("person counted as %s", list[0].ApplicantCategory)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations)
}
