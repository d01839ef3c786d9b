package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// The review page at 1440×900: a decision per finding (mask by default,
// keep with a reason), a kept ID number waiting for a second admin, who
// confirms it.
func TestReviewPageDecidesEachFindingInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "ed", auth.RoleEditor)
	s.User(t, "rita", auth.RoleReviewer)
	s.User(t, "root", auth.RoleAdmin)
	ctx := context.Background()
	in := notice.Input{Title: "见义勇为人员公示", Kind: notice.KindPublicity, CategoryID: mustID(t, categoryValue(t, s, "SHJZ")),
		Body: "经评审，拟确认李四（身份证号" + attackID + "）为见义勇为人员，本人书面同意公示。\n\n" +
			"奖励金发放至银行卡" + attackCard + "，联系电话" + attackMobile + "。\n\n咨询热线13912345678（办公室）。"}
	d, err := s.App.Notices.Create(ctx, whoIs(t, s, "ed"), in)
	if err != nil {
		t.Fatal(err)
	}
	id := d.Notice.ID
	if _, err := s.App.Notices.Submit(ctx, whoIs(t, s, "ed"), id); err != nil {
		t.Fatal(err)
	}
	row := func(kind, masked string) string {
		return fmt.Sprintf(`[...document.querySelectorAll('#d-findings li[data-kind=%s]')].find((li) => li.textContent.includes('%s'))`, kind, masked)
	}

	b := browsertest.New(t, 1440, 900)
	login(b, s.URL, "rita")
	b.Do(
		chromedp.Navigate(s.URL+"/admin/review"),
		browsertest.WaitReady(),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`#queue tr[data-id="%d"]`, id))),
		browsertest.WaitText("#d-findings", "110105********002X"),
		// Four findings, each masked unless decided otherwise.
		browsertest.WaitJS(`document.querySelectorAll('#d-findings input[value=mask]:checked').length === 4`),
		browsertest.WaitJS(`document.querySelectorAll('#d-findings .finding-reason:disabled').length === 4`),
	)
	// Keep the office hotline and the ID number, each with a reason.
	for _, k := range []struct{ kind, masked, reason string }{
		{"mobile", "139****5678", "这是办公室热线，不是个人信息"},
		{"id18", "110105********002X", "本人书面同意公示身份证号"},
	} {
		browsertest.Eval[bool](b, fmt.Sprintf(`(() => { const li = %s; li.querySelector('input[value=keep]').click();
			const r = li.querySelector('.finding-reason'); r.value = '%s'; return !r.disabled; })()`, row(k.kind, k.masked), k.reason))
	}
	b.Do(
		browsertest.WaitJS(row("id18", "110105********002X")+`.querySelector('.finding-note').hidden === false`),
		browsertest.WaitText("#d-findings", "须由另一名管理员复核"),
	)
	b.Screenshot("review-decisions")
	b.Do(
		chromedp.Click(chromedp.CSS("#approve")),
		browsertest.WaitText("#flash", "已提交另一名管理员复核"),
		browsertest.WaitText("#queue", "等待复核"),
		browsertest.WaitText("#d-keep-who", "申请保留以下身份证号"),
		browsertest.WaitJS(`document.querySelector('#d-keep-actions').hidden`), // the reviewer cannot confirm
	)
	if _, err := s.App.Notices.PublicNotice(ctx, id); err == nil {
		t.Fatal("a kept ID number was published without a second admin")
	}
	logout(b)

	login(b, s.URL, "root")
	b.Do(
		chromedp.Navigate(s.URL+"/admin/review"),
		browsertest.WaitReady(),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`#queue tr[data-id="%d"]`, id))),
		browsertest.WaitText("#d-keep-list", "本人书面同意公示身份证号"),
		browsertest.WaitJS(`!document.querySelector('#d-keep-actions').hidden`),
		// The reviewer's decisions are preselected.
		browsertest.WaitJS(`document.querySelectorAll('#d-findings input[value=keep]:checked').length === 2`),
	)
	b.Screenshot("review-keep-request")
	b.Do(
		chromedp.Click(chromedp.CSS("#lang")),
		browsertest.WaitText("#d-keep h3", "Waiting for a second admin"),
		browsertest.WaitText("#d-findings", "Keep as written"),
		browsertest.WaitText("#confirm-keep", "Confirm and publish"),
	)
	b.Screenshot("review-keep-request-en")
	b.Do(
		chromedp.Click(chromedp.CSS("#lang")),
		browsertest.WaitText("#confirm-keep", "确认保留并公开"),
		chromedp.SetValue(chromedp.CSS("#reason"), "已核对本人书面同意书"),
		chromedp.Click(chromedp.CSS("#confirm-keep")),
		browsertest.WaitText("#flash", "已确认并公开"),
	)
	p, err := s.App.Notices.PublicNotice(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Text, attackID) || !strings.Contains(p.Text, "13912345678") || strings.Contains(p.Text, attackMobile) ||
		strings.Contains(p.Text, attackCard) {
		t.Errorf("public text %q", p.Text)
	}
	// The history shows who kept what and who confirmed.
	b.Do(
		chromedp.Navigate(fmt.Sprintf("%s/admin/history?id=%d", s.URL, id)),
		browsertest.WaitReady(),
		browsertest.WaitText("#versions", "保留身份证号经复核"),
		browsertest.WaitText("#timeline", "复核同意保留"),
	)
	b.Screenshot("review-history-kept")
	b.NoErrors()
}
