package server_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// In January 2027 with no 2027 list: the dashboard warns and says where to
// import it, the calendar page shows the provisional year and how to
// import it, the admin enters the State Council's list by hand from the
// provisional one, and the page lists the deadline it moved.
func TestProvisionalYearInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.Clock.Set(time.Date(2027, 1, 20, 10, 0, 0, 0, s.Cfg.TimeZone))
	req, err := s.App.Disclosure.Submit(t.Context(), 0, application("赵六"))
	if err != nil {
		t.Fatal(err)
	}
	if req.Due.String() != "2027-02-23" || !req.Provisional {
		t.Fatalf("receipt: %+v", req)
	}
	s.User(t, "root", auth.RoleAdmin)
	b := browsertest.New(t, 1440, 900)
	login(b, s.URL, "root")
	b.Do(browsertest.WaitText("#calendar-warning", "尚未导入 2027 年的节假日安排"),
		browsertest.WaitText("#due", ""), // the list is drawn
	)
	b.Screenshot("admin-dashboard-calendar-missing")
	b.Do(chromedp.Click(chromedp.CSS(`#calendar-warning a`)), browsertest.WaitReady(),
		browsertest.WaitText("#provisional-text", "2027 年尚未导入国务院办公厅的节假日安排"),
		browsertest.WaitText("#howto", "holiday-cn"),
		browsertest.WaitJS(`document.querySelector('#year').selectedOptions[0].textContent === '2027（预计）'`),
		// The provisional calendar: 除夕 and the days made up for 初一 and 初二.
		browsertest.WaitJS(`['2027-02-05', '2027-02-09', '2027-02-10'].every((d) => document.querySelector('[data-date="' + d + '"]').classList.contains('off'))`),
	)
	b.Screenshot("admin-calendar-provisional-2027")
	// The request's due date is marked 预计 on the requests page.
	b.Do(chromedp.Navigate(s.URL+"/admin/requests"), browsertest.WaitReady(),
		browsertest.WaitText("#requests", "2027-02-23（预计）"))
	b.Screenshot("admin-requests-provisional")
	b.Do(chromedp.Navigate(s.URL+"/admin/calendar?year=2027"), browsertest.WaitReady(),
		browsertest.WaitText("#provisional-text", "2027 年尚未导入"))
	// By hand, as the notice says: 11 and 12 February off, Sunday 31 January worked.
	click := func(date string) chromedp.Action[chromedp.Void] {
		return browsertest.WaitJS(`(() => { const d = document.querySelector('[data-date="` + date + `"]'); if (d) d.click(); return !!d; })()`)
	}
	b.Do(chromedp.SendKeys(chromedp.CSS("#day-name"), "春节"),
		click("2027-02-11"), browsertest.WaitJS(`document.querySelector('[data-date="2027-02-11"]').classList.contains('off')`),
		click("2027-02-12"), click("2027-01-31"),
		browsertest.WaitJS(`document.querySelector('[data-date="2027-01-31"]').classList.contains('work')`),
		browsertest.WaitText("#draft-state", "已修改 3 处"),
		chromedp.Click(chromedp.CSS("#save-draft")),
		browsertest.WaitText("#moved", "以下日期已按新日历重新计算"),
		browsertest.WaitText("#moved", "2027-02-24"),
		browsertest.WaitJS(`document.querySelector('#year').selectedOptions[0].textContent === '2027'`),
		browsertest.WaitJS(`document.querySelector('#provisional').hidden`),
	)
	b.Screenshot("admin-calendar-2027-entered")
	got, err := s.App.Disclosure.Get(t.Context(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got.State.Due.String() != "2027-02-24" || got.State.Provisional {
		t.Fatalf("after the hand entry: %+v", got.State)
	}
	b.NoErrors()
}
