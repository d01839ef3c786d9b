package notice_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/privacy"
)

// The attack of issue 15: a notice with an ID, a mobile and a card number.
const (
	rawID     = "11010519491231002X"
	rawMobile = "13812345678"
	rawCard   = "6222021234567890128"
)

// decide returns the decision on the finding of d whose masked form is
// masked.
func decide(t *testing.T, fs []notice.Finding, field, masked, decision, reason string) notice.FindingDecision {
	t.Helper()
	for _, f := range fs {
		if f.Field == field && f.Masked == masked {
			return notice.FindingDecision{NoticeID: f.NoticeID, Field: f.Field, Where: f.Where, Kind: f.Kind, Start: f.Start, End: f.End,
				Decision: decision, Reason: reason}
		}
	}
	t.Fatalf("no finding %s in %s: %+v", masked, field, fs)
	return notice.FindingDecision{}
}

func noRaw(t *testing.T, what string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		for _, raw := range []string{rawID, rawMobile, rawCard} {
			if strings.Contains(s, raw) {
				t.Errorf("%s shows %s: %s", what, raw, s)
			}
		}
	}
}

func TestKeptFindingsStayAndTheRestIsMasked(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		in := e.input("低保公示 联系人"+rawMobile, notice.KindPublicity, "SHJZ")
		in.Body = "现将〔2026〕12号文件公示。咨询热线12345，办公电话13912345678。\n\n申请人张三，身份证号" + rawID + "，电话" + rawMobile +
			"，银行卡" + rawCard + "。"
		in.LEDText = "低保公示 联系人" + rawMobile
		id := e.written(in)
		// Findings block an approval nobody decided on.
		_, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意公开"})
		webErr(t, err, notice.CodePersonalData, "title")
		d, _ := e.svc.Detail(ctx, id)
		if len(d.Findings) != 6 {
			t.Fatalf("findings %+v", d.Findings)
		}
		hotline := decide(t, d.Findings, "body", "139****5678", notice.DecisionKeep, "这是办公热线，不是个人信息")
		idMask := decide(t, d.Findings, "body", "110105********002X", notice.DecisionMask, "")
		d, err = e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意公开", Findings: []notice.FindingDecision{hotline, idMask}})
		if err != nil {
			t.Fatal(err)
		}
		if d.Current.Status != notice.StatusPublished || d.Current.Public == nil {
			t.Fatalf("approved: %+v", d.Current)
		}
		p, err := e.svc.PublicNotice(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		noRaw(t, "public notice", p.Title, p.Text, p.HTML, p.LEDText)
		for _, want := range []string{"〔2026〕12号", "12345", "13912345678", "110105********002X", "138****5678", "6222***********0128"} {
			if !strings.Contains(p.Text, want) || !strings.Contains(p.HTML, want) {
				t.Errorf("public text lacks %s: %s | %s", want, p.Text, p.HTML)
			}
		}
		if p.Title != "低保公示 联系人138****5678" || p.LEDText != p.Title || strings.Contains(p.HTML, "<strong>") {
			t.Errorf("public title %q, LED %q, HTML %s", p.Title, p.LEDText, p.HTML)
		}
		// The search text is the same public text.
		docs, _, err := e.svc.PublishedText(ctx, e.clock.Now().AddDate(-1, 0, 0))
		if err != nil || len(docs) != 1 || docs[0].Text != p.Text || docs[0].Title != p.Title {
			t.Fatalf("search text %+v %v", docs, err)
		}
		// The editors' version keeps the pre-mask text and every decision.
		if !strings.Contains(d.Current.Body, rawID) || len(d.Current.Decisions) != 6 {
			t.Fatalf("version: %q %+v", d.Current.Body, d.Current.Decisions)
		}
		kept := 0
		for _, x := range d.Current.Decisions {
			if x.Decision == notice.DecisionKeep {
				kept++
				if x.Masked != "139****5678" || x.Reason != "这是办公热线，不是个人信息" || x.DecidedBy != e.reviewer.ID {
					t.Errorf("kept %+v", x)
				}
			}
		}
		if kept != 1 {
			t.Errorf("%d kept", kept)
		}
		hist, _ := e.svc.History(ctx, id)
		if h := hist[len(hist)-2]; h.Action != "keep" || !strings.Contains(h.Reason, "139****5678") || strings.Contains(h.Reason, "13912345678") {
			t.Errorf("history %+v", hist)
		}
	})
}

func TestOverrideReasonNeverUnmasks(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		in := e.input("补贴发放公告", notice.KindAnnouncement, "SHJZ")
		in.Body = rawID + " " + rawMobile + " " + rawCard
		id := e.written(in)
		d, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意", OverrideReason: "对公账户，非个人信息"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Current.PrivacyOverride == nil || d.Current.Status != notice.StatusPublished {
			t.Fatalf("approved %+v", d.Current)
		}
		p, _ := e.svc.PublicNotice(ctx, id)
		noRaw(t, "overridden notice", p.Text, p.HTML)
		if p.Text != "110105********002X 138****5678 6222***********0128" {
			t.Errorf("public text %q", p.Text)
		}
	})
}

func TestStaleOrBadDecisionsAreRefused(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		in := e.input("公示", notice.KindPublicity, "SHJZ")
		in.Body = "电话" + rawMobile
		id := e.written(in)
		gone := notice.FindingDecision{Field: "body", Kind: privacy.KindMobile, Start: 0, End: 11, Decision: notice.DecisionKeep, Reason: "热线"}
		_, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意", Findings: []notice.FindingDecision{gone}})
		webErr(t, err, "conflict", "findings[0]")
		d, _ := e.svc.Detail(ctx, id)
		noReason := decide(t, d.Findings, "body", "138****5678", notice.DecisionKeep, "")
		_, err = e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意", Findings: []notice.FindingDecision{noReason}})
		webErr(t, err, "required", "findings[0].reason")
		bad := decide(t, d.Findings, "body", "138****5678", "publish", "")
		_, err = e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意", Findings: []notice.FindingDecision{bad}})
		webErr(t, err, "invalid", "findings[0].decision")
		if d, _ := e.svc.Detail(ctx, id); d.Current.Status != notice.StatusSubmitted {
			t.Fatalf("status %s", d.Current.Status)
		}
	})
}
