package server_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// The admin sends an emergency from the page and watches the receipts
// arrive: one screen confirms, one is online without confirming, one is
// offline; then ends it by hand (issue 4).
func TestEmergencyAdminPageShowsReceiptsInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	lobby := emGroup(t, s.App, "一楼大厅")
	emGroup(t, s.App, "二楼办事区")
	_, tokA := emScreen(t, s.App, "大厅东侧条屏", lobby)
	_, tokB := emScreen(t, s.App, "大厅西侧大屏", lobby)
	emScreen(t, s.App, "大厅门口立屏", lobby)
	a, b := emDial(t, s.URL, tokA), emDial(t, s.URL, tokB)
	emWait(t, b, push.TypeHello)
	go func() { // screen A acknowledges every emergency, like the display page
		for {
			_, raw, err := a.ReadMessage()
			if err != nil {
				return
			}
			if m, err := push.Decode(raw); err == nil && m.Type == push.TypeEmergency {
				ack, _ := push.Encode(push.TypeAck, m.ID, nil)
				a.WriteMessage(1, ack)
			}
		}
	}()

	br := browsertest.New(t, 1366, 1000)
	br.Do(
		chromedp.Navigate(s.URL+"/admin/login"),
		browsertest.WaitReady(),
		chromedp.SendKeys(chromedp.CSS("#username"), "root"),
		chromedp.SendKeys(chromedp.CSS("#password"), "root-password-1"),
		chromedp.Click(chromedp.CSS("#submit")),
		browsertest.WaitText("h1", "工作台"),
		chromedp.Navigate(s.URL+"/admin/emergency"),
		browsertest.WaitReady(),
		browsertest.WaitText("h1", "紧急插播"),
		browsertest.WaitText("#groups", "一楼大厅"),
	)
	// Without targets the form names the field.
	br.Do(
		chromedp.SendKeys(chromedp.CSS("#text"), "一楼大厅发生火警，请从东侧安全出口有序撤离，不要乘坐电梯。"),
		chromedp.Click(chromedp.CSS("#send")),
		browsertest.WaitText("#error", "发送范围"),
	)
	br.Do(
		chromedp.Click(chromedp.CSS(`#groups input[value="`+itoa(lobby)+`"]`)),
		chromedp.Click(chromedp.CSS("#send")),
		browsertest.WaitText("#r-count", "1 / 3"),
		browsertest.WaitText("#r-unconfirmed", "大厅西侧大屏"),
		browsertest.WaitText("#r-offline", "大厅门口立屏"),
		browsertest.WaitText("#list", "1 / 3"),
	)
	br.Screenshot("admin-emergency-receipts-zh")
	br.Do(chromedp.Click(chromedp.CSS("#lang")), browsertest.WaitText("#receipts", "Online, not confirmed"))
	br.Screenshot("admin-emergency-receipts-en")
	br.Do(chromedp.Click(chromedp.CSS("#lang")), browsertest.WaitText("#receipts", "在线未确认"))

	browsertest.Eval[bool](br, `(window.confirm = () => true, true)`)
	br.Do(
		chromedp.Click(chromedp.CSS("#clear")),
		browsertest.WaitText("#r-state", "已结束"),
	)
	if m := emWait(t, b, push.TypeEmergencyClear); m.Type != push.TypeEmergencyClear {
		t.Fatalf("got %+v", m)
	}
	br.NoErrors()
}
