package notice_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/privacy"
)

func TestIDNumberBlocksApprovalUntilMasked(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		in := e.input("2026年11月低保初审名单公示", notice.KindPublicity, "SHJZ")
		// 110105194912310021 fails the check digit: a suspected ID, masked too.
		in.Body = "申请人张三，身份证号11010519491231002X，住址某街道。\n\n备注编号110105194912310021。"
		in.LEDText = "低保公示 联系电话13812345678"
		id := e.written(in)
		_, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意公开"})
		we := webErr(t, err, notice.CodePersonalData, "body")
		fs := we.Params["findings"].([]notice.Finding)
		if len(fs) != 3 {
			t.Fatalf("findings %+v", fs)
		}
		if fs[0].Field != "body" || fs[0].Kind != privacy.KindID18 || fs[0].Masked != "110105********002X" || fs[0].Start != 10 || fs[0].End != 28 {
			t.Fatalf("ID finding %+v", fs[0])
		}
		if fs[1].Field != "body" || fs[1].Kind != privacy.KindID18Suspect || fs[1].Masked != "110105********0021" {
			t.Fatalf("suspected ID finding %+v", fs[1])
		}
		if fs[2].Field != "led_text" || fs[2].Kind != privacy.KindMobile || fs[2].Masked != "138****5678" {
			t.Fatalf("mobile finding %+v", fs[2])
		}
		// Nothing was approved.
		d, _ := e.svc.Detail(ctx, id)
		if d.Current.Status != notice.StatusSubmitted || len(d.Findings) != 3 {
			t.Fatalf("after the refusal: %s, %d findings", d.Current.Status, len(d.Findings))
		}
		// The author cannot mask in review; the reviewer masks in one click.
		_, err = e.svc.Mask(ctx, e.editor, id)
		webErr(t, err, "forbidden", "")
		d, err = e.svc.Mask(ctx, e.reviewer, id)
		if err != nil {
			t.Fatal(err)
		}
		// The Markdown body escapes the mask characters: they show as they are.
		if !strings.Contains(d.Current.Body, `身份证号110105\*\*\*\*\*\*\*\*002X，`) || !strings.Contains(d.Current.Body, `110105\*\*\*\*\*\*\*\*0021`) ||
			d.Current.LEDText != "低保公示 联系电话138****5678" || len(d.Findings) != 0 {
			t.Fatalf("after masking: %q %q %+v", d.Current.Body, d.Current.LEDText, d.Findings)
		}
		d = e.approve(e.reviewer, id)
		if d.Current.Status != notice.StatusPublished || d.Current.PrivacyOverride != nil {
			t.Fatalf("approved: %+v", d.Current)
		}
		p, _ := e.svc.PublicNotice(ctx, id)
		if strings.Contains(p.HTML, "11010519491231002X") || !strings.Contains(p.HTML, "110105********002X") ||
			!strings.Contains(p.Text, "110105********0021") || strings.Contains(p.HTML, "<strong>") {
			t.Fatalf("public HTML %s", p.HTML)
		}
	})
}

func TestBankCardIsFlaggedAndOverrideIsRecorded(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		in := e.input("补贴发放公告", notice.KindAnnouncement, "SHJZ")
		in.Body = "补贴已发放至银行卡6222021234567890128。另：卡号6222021234567890123校验不通过。"
		id := e.written(in)
		_, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意"})
		we := webErr(t, err, notice.CodePersonalData, "body")
		fs := we.Params["findings"].([]notice.Finding)
		if len(fs) != 1 || fs[0].Kind != privacy.KindBankCard || fs[0].Masked != "6222***********0128" {
			t.Fatalf("findings %+v", fs)
		}
		d, err := e.svc.Approve(ctx, e.reviewer, id, notice.Decision{Reason: "同意", OverrideReason: "对公账户，非个人信息"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Current.PrivacyOverride == nil || *d.Current.PrivacyOverride != "对公账户，非个人信息" {
			t.Fatalf("override not recorded: %+v", d.Current)
		}
		hist, _ := e.svc.History(ctx, id)
		found := false
		for _, h := range hist {
			found = found || (h.Action == "override" && h.ActorName == "rita" && h.Reason == "对公账户，非个人信息")
		}
		if !found {
			t.Fatalf("history %+v", hist)
		}
	})
}

func TestMaskingFollowsTheConfiguredPolicy(t *testing.T) {
	each(t, monday, func(t *testing.T, e *env) {
		ctx := context.Background()
		raw := []byte(`{"id18":{"keepFirst":3,"keepLast":2,"maskChar":"#"}}`)
		if err := e.settings.Set(ctx, e.admin.Actor, notice.SettingPolicy, raw); err != nil {
			t.Fatal(err)
		}
		if err := e.settings.Set(ctx, e.admin.Actor, notice.SettingPolicy, []byte(`{"mobile":{"keepFirst":-1}}`)); err == nil {
			t.Fatal("an invalid policy was accepted")
		}
		in := e.input("公示", notice.KindPublicity, "SHJZ")
		in.Body = "身份证号11010519491231002X"
		d := e.create(e.editor, in)
		d, err := e.svc.Mask(ctx, e.editor, d.Notice.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Current.Body != `身份证号110\#\#\#\#\#\#\#\#\#\#\#\#\#2X` {
			t.Fatalf("masked with the policy: %q", d.Current.Body)
		}
	})
}
