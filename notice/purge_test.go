package notice_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/notice"
)

// After the retention, a version keeps only its public text; what the
// public sees does not change.
func TestPurgePremaskAfterRetention(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		if err := e.settings.Set(ctx, e.admin.Actor, notice.SettingPremaskRetention, []byte("10")); err != nil {
			t.Fatal(err)
		}
		csv, err := e.svc.Upload(ctx, e.editor, "名单.csv", []byte("姓名,身份证号\n张三,"+rawID+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		in := e.input("低保公示", notice.KindPublicity, "SHJZ")
		in.Body = "热线13912345678，申请人身份证号" + rawID
		in.Attachments = []notice.AttachmentRef{{SHA256: csv.SHA256, Name: csv.Name}}
		id := e.written(in)
		d, _ := e.svc.Detail(ctx, id)
		keep := decide(t, d.Findings, "body", "139****5678", notice.DecisionKeep, "办公热线")
		if _, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意", Findings: []notice.FindingDecision{keep}}); err != nil {
			t.Fatal(err)
		}
		before, _ := e.svc.PublicNotice(ctx, id)
		refused := e.input("另一公示", notice.KindPublicity, "SHJZ")
		refused.Body = "电话" + rawMobile
		rid := e.written(refused)
		if _, err := e.svc.Refuse(ctx, e.reviewer, rid, notice.Decision{Reason: "含个人信息"}); err != nil {
			t.Fatal(err)
		}

		if n, err := e.svc.PurgePremask(ctx, monday.Add(9*24*time.Hour)); err != nil || n != 0 {
			t.Fatalf("purged %d before the retention: %v", n, err)
		}
		if vs, _ := e.svc.Versions(ctx, id); !strings.Contains(vs[0].Body, rawID) {
			t.Fatalf("pre-mask text gone early: %q", vs[0].Body)
		}
		e.clock.Set(monday.Add(11 * 24 * time.Hour))
		if n, err := e.svc.PurgePremask(ctx, e.clock.Now()); err != nil || n != 2 {
			t.Fatalf("purged %d: %v", n, err)
		}
		vs, _ := e.svc.Versions(ctx, id)
		v := vs[0]
		if v.PremaskPurgedAt == nil || v.Body != v.Public.Body || v.Text != before.Text || !strings.Contains(v.Body, "13912345678") ||
			strings.Contains(v.Body, rawID) || v.Attachments[0].SHA256 != *v.Attachments[0].PublicSHA256 || v.Attachments[0].SHA256 == csv.SHA256 {
			t.Fatalf("purged version: %+v", v)
		}
		if after, _ := e.svc.PublicNotice(ctx, id); after.Text != before.Text || after.HTML != before.HTML || after.Title != before.Title {
			t.Fatalf("the public text changed: %+v", after)
		}
		if vs, _ := e.svc.Versions(ctx, rid); strings.Contains(vs[0].Body, rawMobile) || !strings.Contains(vs[0].Body, `138\*\*\*\*5678`) {
			t.Fatalf("refused version: %q", vs[0].Body)
		}
		// The pre-mask upload is no longer used: it goes with the next prune.
		if n, err := e.svc.PruneBlobs(ctx, e.clock.Now()); err != nil || n != 1 {
			t.Fatalf("pruned %d: %v", n, err)
		}
		if n, _ := e.svc.PurgePremask(ctx, e.clock.Now()); n != 0 {
			t.Fatalf("purged again: %d", n)
		}
	})
}

// The audit log records what changed, never the personal numbers.
func TestNoticeAuditHoldsNoPersonalNumbers(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		if _, err := e.svc.Upload(ctx, e.editor, "张三"+rawID+".csv", []byte("a,b\n1,2\n")); err != nil {
			t.Fatal(err)
		}
		in := e.input("公示 "+rawID, notice.KindPublicity, "SHJZ")
		in.Body = rawID + " " + rawMobile + " " + rawCard
		d := e.create(e.editor, in)
		id := d.Notice.ID
		in.Title = "公示 " + rawMobile
		if _, err := e.svc.Save(ctx, e.editor, id, in); err != nil {
			t.Fatal(err)
		}
		e.submit(e.editor, id)
		if _, err := e.svc.Refer(ctx, e.reviewer, id, notice.Decision{Reason: "电话" + rawMobile + "请领导定"}); err != nil {
			t.Fatal(err)
		}
		d, _ = e.svc.Detail(ctx, id)
		keep := decide(t, d.Findings, "body", "6222***********0128", notice.DecisionKeep, "对公账户"+rawCard)
		if _, err := e.svc.Approve(ctx, e.admin, id, notice.Decision{Reason: "同意 " + rawID, Findings: []notice.FindingDecision{keep}}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.Withdraw(ctx, e.admin, id, "误发 "+rawMobile); err != nil {
			t.Fatal(err)
		}
		rows, err := audit.List(ctx, e.db, audit.Filter{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(rows)
		actions := map[string]bool{}
		for _, r := range rows {
			actions[r.Action] = true
		}
		for _, a := range []string{"notice.upload", "notice.create", "notice.save", "notice.submit", "notice.refer", "notice.approve", "notice.withdraw"} {
			if !actions[a] {
				t.Errorf("no %s entry", a)
			}
		}
		noRaw(t, "audit log", string(b))
		if !strings.Contains(string(b), "110105********002X") || !strings.Contains(string(b), "6222***********0128") {
			t.Errorf("the audit log does not say what changed: %s", b)
		}
	})
}

// Versions approved before public texts were stored (some let through
// by the former blanket override) get theirs at start, all masked.
func TestFillPublicTextMasksOldApprovals(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		in := e.input("补贴发放公告", notice.KindAnnouncement, "SHJZ")
		in.Body = "对公账户" + rawCard
		id := e.written(in)
		if _, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意", OverrideReason: "对公账户"}); err != nil {
			t.Fatal(err)
		}
		// As the data was before the migration.
		if _, err := e.db.Exec(ctx, `UPDATE notice_versions SET public_title = NULL, public_body_md = NULL, public_body_html = NULL,
			public_body_text = NULL, public_led_text = NULL, public_guide_json = NULL`); err != nil {
			t.Fatal(err)
		}
		if ps := e.published(notice.PublicFilter{}); len(ps) != 0 {
			t.Fatalf("a version without public text is public: %+v", ps)
		}
		if n, err := e.svc.FillPublicText(ctx); err != nil || n != 1 {
			t.Fatalf("filled %d: %v", n, err)
		}
		p, err := e.svc.PublicNotice(ctx, id)
		if err != nil || p.Text != "对公账户6222***********0128" {
			t.Fatalf("public text %+v %v", p, err)
		}
		if n, _ := e.svc.FillPublicText(ctx); n != 0 {
			t.Fatalf("filled again: %d", n)
		}
	})
}
