package server_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// whoIs returns the notice actor of an account.
func whoIs(t *testing.T, s *servertest.Server, name string) notice.Who {
	u, err := s.App.Auth.ByUsername(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return notice.Who{Actor: audit.Actor{ID: u.ID, Name: u.Username}, Role: u.Role}
}

// The history, catalogue, calendar and statistics pages.
func TestContentPagesInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "ed", auth.RoleEditor)
	s.User(t, "rita", auth.RoleReviewer)
	s.User(t, "root", auth.RoleAdmin)
	ctx := context.Background()
	ed, rita := whoIs(t, s, "ed"), whoIs(t, s, "rita")
	svc := s.App.Notices
	in := notice.Input{Title: "办事大厅开放时间", Body: "工作日上午9:00至下午5:00。\n\n周六上午办理不动产登记。", Kind: notice.KindAnnouncement,
		CategoryID: mustID(t, categoryValue(t, s, "TZGG")), LEDText: "大厅工作日9:00-17:00开放"}
	d, err := svc.Create(ctx, ed, in)
	if err != nil {
		t.Fatal(err)
	}
	id := d.Notice.ID
	step := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err = svc.Submit(ctx, ed, id)
	step(err)
	_, err = svc.Approve(ctx, rita, id, notice.Decision{Reason: "经审查，同意公开"})
	step(err)
	in.Body = "工作日上午8:30至下午5:30。\n\n周六上午办理不动产登记。"
	_, err = svc.Save(ctx, ed, id, in)
	step(err)
	_, err = svc.Submit(ctx, ed, id)
	step(err)
	_, err = svc.Refer(ctx, rita, id, notice.Decision{Reason: "时间调整需报主任审定"})
	step(err)

	pd := notice.Input{Title: "临时救助发放公示", Body: "申请人李某，联系电话13812345678，救助金额2000元。", Kind: notice.KindPublicity,
		CategoryID: mustID(t, categoryValue(t, s, "SHJZ")), LEDText: "临时救助公示 咨询13812345678"}
	pdn, err := svc.Create(ctx, ed, pd)
	step(err)
	_, err = svc.Submit(ctx, ed, pdn.Notice.ID)
	step(err)

	b := browsertest.New(t, 1500, 1000)
	login(b, s.URL, "root")
	// The review queue: findings listed with a decision each, masked in one click.
	b.Do(
		chromedp.Navigate(s.URL+"/admin/review"),
		browsertest.WaitReady(),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`#queue tr[data-id="%d"]`, pdn.Notice.ID))),
		browsertest.WaitText("#d-findings", "138****5678"),
		browsertest.WaitJS(`document.querySelectorAll('#d-findings input[value=mask]:checked').length === 2`),
	)
	b.Screenshot("review-findings")
	b.Do(
		chromedp.Click(chromedp.CSS("#mask")),
		browsertest.WaitJS(`document.querySelector('#d-findings').children.length === 0`),
		browsertest.WaitText("#d-led", "138****5678"),
		chromedp.Click(chromedp.CSS("#approve")),
		browsertest.WaitJS(`!document.querySelector('#queue').textContent.includes('临时救助发放公示')`),
	)
	// The editor in English.
	b.Do(
		chromedp.Navigate(fmt.Sprintf("%s/admin/notice?id=%d", s.URL, pdn.Notice.ID)),
		browsertest.WaitReady(),
		chromedp.Click(chromedp.CSS("#lang")),
		browsertest.WaitText("label[for=title]", "Title"),
		browsertest.WaitText("#led-card h2", "LED strip preview"),
		browsertest.WaitText("#leds", "page 1/1"),
		browsertest.WaitText("#state", "Published"),
	)
	b.Screenshot("notice-editor-en")
	b.Do(chromedp.Click(chromedp.CSS("#lang")), browsertest.WaitText("label[for=title]", "标题"))
	b.Do(
		chromedp.Navigate(fmt.Sprintf("%s/admin/history?id=%d", s.URL, id)),
		browsertest.WaitReady(),
		browsertest.WaitJS(`document.querySelectorAll('#versions tr').length === 2`),
		browsertest.WaitText("#versions", "时间调整需报主任审定"),
		browsertest.WaitText("#diff", "+ 工作日上午8:30至下午5:30。"),
		browsertest.WaitText("#timeline", "需报审"),
	)
	b.Screenshot("notice-history")

	b.Do(
		chromedp.Navigate(s.URL+"/admin/catalogue"),
		browsertest.WaitReady(),
		browsertest.WaitText("#tree", "政策法规"),
		chromedp.Click(chromedp.CSS(`.tree li[data-code="GZDT"] > .node`)),
		browsertest.WaitJS(`document.querySelector('#code').value === 'GZDT'`),
		chromedp.SetValue(chromedp.CSS("#cadence_n"), "1"),
		chromedp.Click(chromedp.CSS("#cat-save")),
		browsertest.WaitText(`.tree li[data-code="GZDT"]`, "每1周更新"),
	)
	b.Screenshot("catalogue")
	// A bad code is refused with the field named.
	b.Do(
		chromedp.Click(chromedp.CSS("#cat-new")),
		chromedp.SendKeys(chromedp.CSS("#code"), "bad code"),
		chromedp.SendKeys(chromedp.CSS("#name"), "测试"),
		chromedp.Click(chromedp.CSS("#cat-save")),
		browsertest.WaitText("#error", "栏目代码"),
	)

	b.Do(chromedp.Navigate(s.URL+"/admin/calendar"), browsertest.WaitReady())
	// The page opens on the server's year (not the browser's), with its
	// official list or its provisional one.
	want := now(s).Year()
	if got := inputValue(b, "#year"); got != fmt.Sprint(want) {
		t.Errorf("the calendar opens on %s, want %d", got, want)
	}
	b.Do(chromedp.SetValue(chromedp.CSS("#year"), "2026"))
	browsertest.Eval[bool](b, `document.querySelector('#year').dispatchEvent(new Event('change'))`)
	b.Do(
		browsertest.WaitJS(`document.querySelector('[data-date="2026-02-14"]')?.classList.contains('work')`),
		browsertest.WaitJS(`document.querySelector('[data-date="2026-02-16"]').classList.contains('off')`),
		chromedp.SendKeys(chromedp.CSS("#day-name"), "防汛停工"),
		// Clicked from the page: the grid may still be redrawn after the
		// year change, and chromedp's Click then holds a node that is gone.
		browsertest.WaitJS(`(() => { const d = document.querySelector('[data-date="2026-03-04"]'); if (d) d.click(); return !!d; })()`),
		browsertest.WaitJS(`document.querySelector('[data-date="2026-03-04"]').classList.contains('off')`),
	)
	b.Screenshot("calendar-2026")
	cal, err := s.App.Calendar.Calendar(ctx)
	step(err)
	if day, ok := cal.Lookup(mustDate(t, "2026-03-04")); !ok || day.Name != "防汛停工" || !day.IsOffDay {
		t.Fatalf("the toggled day: %+v %v", day, ok)
	}

	// The statistics open on the server's year so far, which holds the two
	// notices published today.
	day := today(s)
	yearStart := fmt.Sprintf("%d-01-01", day.Year)
	b.Do(
		chromedp.Navigate(s.URL+"/admin/stats"),
		browsertest.WaitReady(),
		browsertest.WaitText("#summary", "共2条：社会救助1条、通知公告1条"),
		browsertest.WaitJS(fmt.Sprintf(`document.querySelector('#xlsx').href.includes('stats.xlsx?from=%s&to=%s')`, yearStart, day)),
	)
	if from, to := inputValue(b, "#from"), inputValue(b, "#to"); from != yearStart || to != day.String() {
		t.Errorf("default range %s to %s, want %s to %s", from, to, yearStart, day)
	}
	b.Do(
		chromedp.SetValue(chromedp.CSS("#from"), day.AddDays(1).String()),
		chromedp.SetValue(chromedp.CSS("#to"), day.AddDays(400).String()),
		chromedp.Click(chromedp.CSS(`#range button[type=submit]`)),
		browsertest.WaitText("#summary", "共0条"),
		chromedp.SetValue(chromedp.CSS("#from"), yearStart),
		chromedp.SetValue(chromedp.CSS("#to"), day.String()),
		chromedp.Click(chromedp.CSS(`#range button[type=submit]`)),
		browsertest.WaitText("#summary", "共2条：社会救助1条、通知公告1条"),
	)
	b.Screenshot("stats")
	b.Do(
		chromedp.Navigate(s.URL+"/admin/settings"),
		browsertest.WaitReady(),
		browsertest.WaitText("#list", "索引号机构代码"),
		browsertest.WaitText("#list", "个人信息脱敏规则"),
	)
	b.Screenshot("settings-notice")
	b.NoErrors("the server responded with a status of 400", "the server responded with a status of 404", "the server responded with a status of 409")
}
