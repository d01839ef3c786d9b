package server_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/suggestion"
)

func application(name string) disclosure.Application {
	return disclosure.Application{ApplicantType: "person", Name: name, IDType: "resident_id", IDNumber: "11010519491231002X",
		Phone: "13912345678", Description: "2025年征地补偿款发放明细", Form: "paper", Delivery: "pickup"}
}

func TestKioskAdminPagesInBrowser(t *testing.T) {
	s := servertest.Start(t)
	ctx := t.Context()
	// Two requests: one received today, overdue by one working day on the
	// day the test looks (day), and one due the working day after that.
	received := today(s)
	if _, err := s.App.Disclosure.Submit(ctx, 0, application("李四")); err != nil {
		t.Fatal(err)
	}
	day := periodEnd(t, s, periodEnd(t, s, received, 20, calendar.UnitWorkdays), 1, calendar.UnitWorkdays)
	dueSoon := periodEnd(t, s, day, 1, calendar.UnitWorkdays)
	for received.Before(day) && periodEnd(t, s, received, 20, calendar.UnitWorkdays).Before(dueSoon) {
		received = received.AddDays(1)
	}
	if periodEnd(t, s, received, 20, calendar.UnitWorkdays) != dueSoon {
		t.Fatalf("no day of receipt gives %s", dueSoon)
	}
	s.Clock.Set(received.In(s.Cfg.TimeZone).Add(10 * time.Hour))
	soon, err := s.App.Disclosure.Submit(ctx, 0, application("王五"))
	if err != nil {
		t.Fatal(err)
	}
	// Then a bad rating and a suggestion on that day.
	s.Clock.Set(day.In(s.Cfg.TimeZone).Add(9 * time.Hour))
	if _, err := s.App.Ratings.Create(ctx, 0, "visit-1", rating.Input{Level: 1, Service: "税务", Comment: "等了很久"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.App.Suggestions.Submit(ctx, 0, suggestion.Input{Category: "suggestion", Body: "增加老年人专窗", Phone: "13700001111"}); err != nil {
		t.Fatal(err)
	}
	s.User(t, "ed", auth.RoleEditor)
	b := browsertest.New(t, 1366, 900)
	b.Do(chromedp.Navigate(s.URL+"/admin/login"), browsertest.WaitReady(),
		chromedp.SendKeys(chromedp.CSS("#username"), "ed"), chromedp.SendKeys(chromedp.CSS("#password"), "ed-password-1"),
		chromedp.Click(chromedp.CSS("#submit")), browsertest.WaitText("h1", "工作台"),
		browsertest.WaitText(`[data-flag="dash.req_overdue"]`, "1 件已超过答复期限"),
		browsertest.WaitText(`[data-flag="dash.req_soon"]`, "1 件即将到期"),
		browsertest.WaitText(`[data-flag="dash.fu_open"]`, "差评回访"), browsertest.WaitText(`[data-flag="dash.sug_open"]`, "1 件待答复"),
		// One list of everything due: the overdue request first, then the one due tomorrow.
		browsertest.WaitJS(`document.querySelectorAll('#due [data-due^="disclosure-"]').length === 2`),
		browsertest.WaitText(`#due tr:first-child`, "已超期 1 个工作日"), browsertest.WaitText(`#due tr:nth-child(2)`, "剩余 1 个工作日"))
	b.Screenshot("admin-dashboard-flags")

	// The request due soon: an extension of 25 days is refused, 20 accepted
	// (with a reason), a second refused; then the reply.
	b.Do(chromedp.Navigate(s.URL+"/admin/requests"), browsertest.WaitReady())
	b.Do(chromedp.Click(chromedp.CSS(`[data-request="`+soon.TrackingNo+`"]`)), browsertest.WaitJS(`document.querySelector('#detail-due')`))
	b.Do(browsertest.WaitText(`#detail-due`, dueSoon.String()),
		chromedp.SetValue(chromedp.CSS("#act-kind"), "extended"), chromedp.Evaluate[chromedp.Void](`document.querySelector('#act-kind').dispatchEvent(new Event('change'))`),
		chromedp.SendKeys(chromedp.CSS("#act-days"), "25"), chromedp.SendKeys(chromedp.CSS("#act-text"), "需调取历年档案"),
		chromedp.Click(chromedp.CSS(`#act button[type=submit]`)), browsertest.WaitText(`#act-error`, "20"))
	b.Do(chromedp.SetValue(chromedp.CSS("#act-days"), "20"), chromedp.Click(chromedp.CSS(`#act button[type=submit]`)),
		browsertest.WaitText(`#detail-due`, periodEnd(t, s, dueSoon, 20, calendar.UnitWorkdays).String()))
	b.Screenshot("admin-request-extended")
	b.Do(chromedp.SetValue(chromedp.CSS("#act-kind"), "extended"), chromedp.Evaluate[chromedp.Void](`document.querySelector('#act-kind').dispatchEvent(new Event('change'))`),
		chromedp.SendKeys(chromedp.CSS("#act-days"), "5"), chromedp.SendKeys(chromedp.CSS("#act-text"), "再延"),
		chromedp.Click(chromedp.CSS(`#act button[type=submit]`)), browsertest.WaitText(`#act-error`, "already extended"))
	b.Do(chromedp.SetValue(chromedp.CSS("#act-kind"), "replied"), chromedp.Evaluate[chromedp.Void](`document.querySelector('#act-kind').dispatchEvent(new Event('change'))`),
		chromedp.SetValue(chromedp.CSS("#act-outcome"), "disclosed"), chromedp.SetValue(chromedp.CSS("#act-text"), "附件为发放明细，请到一楼窗口领取。"),
		chromedp.Click(chromedp.CSS(`#act button[type=submit]`)), browsertest.WaitText(`#detail h2`, "已答复"))
	b.Screenshot("admin-request-replied")

	// Follow-up closed with a resolution; suggestion answered.
	b.Do(chromedp.Navigate(s.URL+"/admin/feedback"), browsertest.WaitReady(), browsertest.WaitText(`#followups`, "等了很久"),
		chromedp.SendKeys(chromedp.CSS(`#followups input`), "已电话致歉并说明原因"), chromedp.Click(chromedp.CSS(`#followups button`)),
		browsertest.WaitText(`#followups`, "暂无数据"), browsertest.WaitText(`#stats`, "税务"),
		chromedp.SendKeys(chromedp.CSS(`#suggestions textarea`), "已在二楼开设老年人专窗。"), chromedp.Click(chromedp.CSS(`#suggestions .reply`)),
		browsertest.WaitText(`#suggestions .badge`, "已答复"))
	b.Screenshot("admin-feedback")
	b.NoErrors("409", "400", "the server responded with a status")
}

func TestKioskPairingPageInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	dev := s.Client(t)
	var req struct{ Code string }
	if res := dev.Do("POST", "/api/device/pair", map[string]string{"kind": "kiosk", "info": "test"}); res.Status != http.StatusCreated {
		t.Fatal(res.Status)
	} else {
		res.JSON(t, &req)
	}
	b := browsertest.New(t, 1366, 900)
	b.Do(chromedp.Navigate(s.URL+"/admin/login"), browsertest.WaitReady(),
		chromedp.SendKeys(chromedp.CSS("#username"), "root"), chromedp.SendKeys(chromedp.CSS("#password"), "root-password-1"),
		chromedp.Click(chromedp.CSS("#submit")), browsertest.WaitText("h1", "工作台"),
		chromedp.Navigate(s.URL+"/admin/kiosks"), browsertest.WaitReady(),
		chromedp.SendKeys(chromedp.CSS("#code"), req.Code), chromedp.SendKeys(chromedp.CSS("#name"), "二楼自助机"),
		chromedp.Click(chromedp.CSS(`#pair button[type=submit]`)), browsertest.WaitText(`#kiosks`, "二楼自助机"))
	b.Screenshot("admin-kiosks")
	b.NoErrors()
}
