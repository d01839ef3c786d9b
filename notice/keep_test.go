package notice_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/notice"
)

// A resident ID number kept by a reviewer waits for a second admin;
// nothing is public before.
func TestKeepingAnIDNeedsASecondAdmin(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		in := e.input("2026年见义勇为人员公示", notice.KindPublicity, "SHJZ")
		in.Body = "拟确认李四（身份证号" + rawID + "）为见义勇为人员，本人同意公示身份证号。联系电话" + rawMobile + "。"
		id := e.written(in)
		d, _ := e.svc.Detail(ctx, id)
		keepID := decide(t, d.Findings, "body", "110105********002X", notice.DecisionKeep, "本人书面同意公开")
		d, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意公开", Findings: []notice.FindingDecision{keepID}})
		if err != nil {
			t.Fatal(err)
		}
		if d.Current.Status != notice.StatusSubmitted || d.Current.KeepRequestedBy == nil || *d.Current.KeepRequestedBy != e.reviewer.ID ||
			d.Current.ApprovedBy != nil || d.Current.Public != nil || len(d.Current.Decisions) != 2 {
			t.Fatalf("pending: %+v", d.Current)
		}
		if _, err := e.svc.PublicNotice(ctx, id); err == nil {
			t.Fatal("a notice waiting for a second admin is public")
		}
		if ps := e.published(notice.PublicFilter{}); len(ps) != 0 {
			t.Fatalf("published %+v", ps)
		}
		// The reviewer is no admin; an admin who wrote it neither confirms.
		_, err = e.svc.ConfirmKeep(ctx, e.reviewer, id, "确认")
		webErr(t, err, "forbidden", "")
		// A second admin confirms: the reviewer's approval goes through,
		// the ID kept, the mobile masked.
		d, err = e.svc.ConfirmKeep(ctx, e.admin, id, "已核对本人书面同意")
		if err != nil {
			t.Fatal(err)
		}
		if d.Current.Status != notice.StatusPublished || *d.Current.ApprovedBy != e.reviewer.ID || d.Current.KeepConfirmedBy == nil ||
			*d.Current.KeepConfirmedBy != e.admin.ID || *d.Current.ReviewReason != "同意公开" {
			t.Fatalf("confirmed: %+v", d.Current)
		}
		p, _ := e.svc.PublicNotice(ctx, id)
		if !strings.Contains(p.Text, rawID) || strings.Contains(p.Text, rawMobile) || !strings.Contains(p.Text, "138****5678") {
			t.Fatalf("public text %q", p.Text)
		}
		hist, _ := e.svc.History(ctx, id)
		var steps []string
		for _, h := range hist {
			steps = append(steps, h.Action)
		}
		if got := strings.Join(steps, ","); got != "create,submit,request_keep,keep,approve,confirm_keep,publish" {
			t.Errorf("history %s", got)
		}
	})
}

func TestTheReviewerWhoKeptAnIDCannotConfirmIt(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		admin2 := e.who("root2", auth.RoleAdmin)
		in := e.input("公示", notice.KindPublicity, "SHJZ")
		in.Body = "疑似证号110105194912310021，证号" + rawID
		id := e.written(in)
		d, _ := e.svc.Detail(ctx, id)
		// A suspected ID (wrong check digit) needs a second admin too.
		keep := decide(t, d.Findings, "body", "110105********0021", notice.DecisionKeep, "这是档案编号")
		if _, err := e.svc.Approve(ctx, e.admin, id, notice.Decision{Reason: "同意", Findings: []notice.FindingDecision{keep}}); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.ConfirmKeep(ctx, e.admin, id, "确认")
		webErr(t, err, notice.CodeSecondPerson, "")
		// The second admin rejects: the decisions are gone, the notice
		// waits for a decision, and masking everything publishes it.
		d, err = e.svc.RejectKeep(ctx, admin2, id, "证号不应公开")
		if err != nil {
			t.Fatal(err)
		}
		if d.Current.Status != notice.StatusSubmitted || d.Current.KeepRequestedBy != nil || len(d.Current.Decisions) != 0 {
			t.Fatalf("rejected: %+v", d.Current)
		}
		_, err = e.svc.ConfirmKeep(ctx, admin2, id, "确认")
		webErr(t, err, "invalid_state", "")
		mask := decide(t, d.Findings, "body", "110105********0021", notice.DecisionMask, "")
		d, err = e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意", Findings: []notice.FindingDecision{mask}})
		if err != nil || d.Current.Status != notice.StatusPublished {
			t.Fatalf("approved: %v %+v", err, d)
		}
		p, _ := e.svc.PublicNotice(ctx, id)
		if p.Text != "疑似证号110105********0021，证号110105********002X" {
			t.Errorf("public text %q", p.Text)
		}
	})
}

// A request dies with the submission: recalled, the author may change the
// text, and nobody confirms decisions about another text.
func TestAKeepRequestEndsWithARecall(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		in := e.input("公示", notice.KindPublicity, "SHJZ")
		in.Body = "证号" + rawID
		id := e.written(in)
		d, _ := e.svc.Detail(ctx, id)
		keep := decide(t, d.Findings, "body", "110105********002X", notice.DecisionKeep, "本人同意")
		if _, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意", Findings: []notice.FindingDecision{keep}}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.Recall(ctx, e.editor, id); err != nil {
			t.Fatal(err)
		}
		in.Body = "证号 " + rawID
		if _, err := e.svc.Save(ctx, e.editor, id, in); err != nil {
			t.Fatal(err)
		}
		e.submit(e.editor, id)
		_, err := e.svc.ConfirmKeep(ctx, e.admin, id, "确认")
		webErr(t, err, "invalid_state", "")
		if d, _ := e.svc.Detail(ctx, id); d.Current.KeepRequestedBy != nil || len(d.Current.Decisions) != 0 {
			t.Fatalf("after recall: %+v", d.Current)
		}
	})
}

// The findings of an interpretation approved with its policy document
// (R5) are decided in the same approval, named by their notice.
func TestPartnerFindingsAreDecidedWithThePolicyDocument(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		interp := e.input("政策解读", notice.KindInterpretation, "ZCJD")
		interp.Body = "咨询热线13912345678，经办人电话" + rawMobile
		jid := e.written(interp)
		policy := e.input("若干措施", notice.KindPolicy, "ZCWJ")
		policy.Interpretations = []int64{jid}
		pid := e.written(policy)
		_, err := e.svc.Approve(ctx, e.reviewer, pid, notice.Decision{Reason: "同意"})
		we := webErr(t, err, notice.CodePersonalData, "body")
		fs := we.Params["findings"].([]notice.Finding)
		if len(fs) != 2 || fs[0].NoticeID != jid {
			t.Fatalf("partner findings %+v", fs)
		}
		keep := decide(t, fs, "body", "139****5678", notice.DecisionKeep, "政策咨询热线")
		if _, err := e.svc.Approve(ctx, e.reviewer, pid, notice.Decision{Reason: "同意", Findings: []notice.FindingDecision{keep}}); err != nil {
			t.Fatal(err)
		}
		p, err := e.svc.PublicNotice(ctx, jid)
		if err != nil || p.Text != "咨询热线13912345678，经办人电话138****5678" {
			t.Fatalf("interpretation's public text %+v %v", p, err)
		}
	})
}
