package server_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/alert/alerttest"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/store"
)

// TestAlertsPageInBrowser: an admin reaches the alerts page from the nav,
// adds a signed 钉钉 robot (its address and secret never shown again),
// sends a test, puts it in a group, routes the overdue categories to the
// group; the open alert, the delivery log (a 500 and its retry) and the
// attempts of a message show on the page.
func TestAlertsPageInBrowser(t *testing.T) {
	e := startAlerts(t, store.SQLite)
	e.s.Clock.Advance(15 * 24 * time.Hour) // 工作动态 is overdue
	b := browsertest.New(t, 1440, 1800)
	login(b, e.s.URL, "root")
	b.Do(chromedp.Click(chromedp.CSS(`nav a[href="/admin/alerts"]`)), browsertest.WaitReady(),
		browsertest.WaitText("h1", "告警通知"), browsertest.WaitText("#rules", "栏目更新不及时"))

	b.Do(chromedp.SetValue(chromedp.CSS("#ch-kind"), "dingtalk"),
		browsertest.WaitJS(`(() => { const s = document.querySelector('#ch-kind'); s.dispatchEvent(new Event('change')); return !document.querySelector('#ch-robot-url').closest('[data-kinds]').hidden; })()`),
		chromedp.SendKeys(chromedp.CSS("#ch-name"), "局办公室钉钉群"),
		chromedp.SendKeys(chromedp.CSS("#ch-robot-url"), e.robots.DingTalkURL()),
		chromedp.SendKeys(chromedp.CSS("#ch-secret"), e.robots.DingTalkSecret),
		chromedp.Click(chromedp.CSS(`#channel-form button[type=submit]`)),
		browsertest.WaitText("#channels", "局办公室钉钉群"))
	if txt := b.Text("#channels"); strings.Contains(txt, e.robots.DingTalkToken) || strings.Contains(txt, e.robots.DingTalkSecret) || !strings.Contains(txt, "url, secret 已设置") {
		t.Fatalf("channels: %q", txt)
	}
	id := browsertest.Eval[string](b, `[...document.querySelectorAll('#channels tr')].find((r) => r.textContent.includes('局办公室钉钉群')).dataset.channel`)
	b.Do(chromedp.Click(chromedp.CSS(`[data-test="`+id+`"]`)), browsertest.WaitText("#flash", "测试消息已送达"))
	if got := e.robots.Received(alerttest.DingTalk); len(got) != 1 || !strings.Contains(got[0].Title, "局办公室钉钉群") {
		t.Fatalf("test message: %+v", got)
	}

	b.Do(chromedp.SendKeys(chromedp.CSS("#g-name"), "政务公开办"),
		chromedp.Click(chromedp.CSS(`#g-channels input[value="`+id+`"]`)),
		chromedp.Click(chromedp.CSS(`#group-form button[type=submit]`)),
		browsertest.WaitText("#groups", "政务公开办"),
		browsertest.WaitJS(`[...document.querySelectorAll('[data-condition="category_overdue"] select option')].some((o) => o.textContent === '政务公开办')`),
		chromedp.SetValue(chromedp.CSS(`[data-condition="category_overdue"] select`), "2"),
		browsertest.WaitJS(`(() => { document.querySelector('[data-condition="category_overdue"] select').dispatchEvent(new Event('change')); return true; })()`),
	)
	for i := 0; ; i++ {
		rules, _ := e.s.App.Alerts.Rules(t.Context())
		if slices.ContainsFunc(rules, func(r alert.Rule) bool {
			return r.Condition == "category_overdue" && r.GroupID != nil && *r.GroupID == 2
		}) {
			break
		}
		if i > 500 {
			t.Fatal("the rule was not saved")
		}
		waitABit()
	}
	e.robots.Fail(alerttest.DingTalk, 1)
	e.evaluate()
	e.settle()
	b.Do(chromedp.Reload(), browsertest.WaitReady(), browsertest.WaitText("#open-alerts", "工作动态"),
		browsertest.WaitText("#log", "【告警】栏目更新不及时"), browsertest.WaitText("#log", "HTTP 500"))
	e.s.Clock.Advance(30 * time.Second)
	e.settle()
	b.Do(chromedp.Reload(), browsertest.WaitReady(), browsertest.WaitText("#log", "已送达"),
		chromedp.Click(chromedp.CSS(`#log tbody tr:first-child a`)),
		browsertest.WaitJS(`document.querySelectorAll('#message [data-attempt]').length === 2`),
		browsertest.WaitText("#message", `"errcode":0`))
	b.Screenshot("admin-alerts-log")
	b.Do(browsertest.WaitJS(`(window.scrollTo(0, 0), true)`))
	b.Screenshot("admin-alerts")
	b.Do(chromedp.Click(chromedp.CSS("#lang")), browsertest.WaitText("h1", "Alerts"), browsertest.WaitText("#rules", "Catalogue category past its cadence"))
	b.Screenshot("admin-alerts-en")
	b.NoErrors()
}
