package server_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// login signs in through the login page.
func login(b *browsertest.Browser, base, user string) {
	b.Do(
		chromedp.Navigate(base+"/admin/login"),
		browsertest.WaitReady(),
		chromedp.SendKeys(chromedp.CSS("#username"), user),
		chromedp.SendKeys(chromedp.CSS("#password"), user+"-password-1"),
		chromedp.Click(chromedp.CSS("#submit")),
		browsertest.WaitText("#who", user),
	)
}

func logout(b *browsertest.Browser) {
	b.Do(chromedp.Click(chromedp.CSS("#logout")), chromedp.WaitVisible(chromedp.CSS("#login")))
}

// An editor writes a notice with the LED preview, a reviewer approves it,
// and it appears in the published list.
func TestEditorWritesReviewerApprovesInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "ed", auth.RoleEditor)
	s.User(t, "rita", auth.RoleReviewer)
	b := browsertest.New(t, 1600, 1100)

	login(b, s.URL, "ed")
	b.Do(
		chromedp.Navigate(s.URL+"/admin/notice"),
		browsertest.WaitReady(),
		chromedp.SetValue(chromedp.CSS("#kind"), "publicity"),
		chromedp.SetValue(chromedp.CSS("#category"), categoryValue(t, s, "SHJZ")),
		browsertest.WaitJS(`true`),
	)
	// Dispatch change events so the page applies the category's period.
	browsertest.Eval[bool](b, `document.querySelector('#kind').dispatchEvent(new Event('change', {bubbles: true}))`)
	browsertest.Eval[bool](b, `document.querySelector('#category').dispatchEvent(new Event('change', {bubbles: true}))`)
	// With no publication time the preview counts the category's 7
	// working days from the server's today, not the browser's (the fake
	// clock is in another year than the machine's).
	from := today(s)
	end := periodEnd(t, s, from, 7, calendar.UnitWorkdays)
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#title"), "2026年11月城乡低保初审名单公示"),
		chromedp.SendKeys(chromedp.CSS("#led_text"), "低保初审名单公示：公示期7个工作日，如有异议请致电本中心"),
		chromedp.SendKeys(chromedp.CSS("#body"), "## 公示名单\n\n| 姓名 | 保障金额 |\n| --- | --- |\n| 张某 | 800元 |\n\n身份证号11010519491231002X"),
		browsertest.WaitText("#findings", "110105********002X"),
		browsertest.WaitText("#end-preview", end.String()),
		browsertest.WaitText("#end-preview", from.String()),
		browsertest.WaitJS(`document.querySelector('#marked mark') !== null`),
	)
	b.Screenshot("notice-editor-findings")
	b.Do(
		chromedp.Click(chromedp.CSS("#mask-all")),
		// Escaped in the Markdown source, so that the stars are not emphasis.
		browsertest.WaitJS(`document.querySelector('#body').value.includes('110105\\*\\*\\*\\*\\*\\*\\*\\*002X')`),
		browsertest.WaitJS(`!document.querySelector('#scan-ok').hidden`),
		chromedp.Click(chromedp.CSS("#save")),
		browsertest.WaitText("#state", "草稿"),
	)
	browsertest.Eval[bool](b, `(document.querySelector('#led-card').scrollIntoView({block: 'start'}), true)`)
	b.Screenshot("notice-editor-led-preview")
	b.Do(
		chromedp.Click(chromedp.CSS("#submit-review")),
		browsertest.WaitText("#state", "待审查"),
	)
	logout(b)

	login(b, s.URL, "rita")
	b.Do(
		chromedp.Navigate(s.URL+"/admin/review"),
		browsertest.WaitReady(),
		browsertest.WaitText("#queue", "低保初审名单公示"),
		chromedp.Click(chromedp.CSS("#queue tr.queue-item")),
		browsertest.WaitText("#d-title", "低保初审名单公示"),
		browsertest.WaitJS(`document.querySelector('#reason').value.length > 0`),
	)
	b.Screenshot("review-queue")
	b.Do(
		chromedp.Click(chromedp.CSS("#approve")),
		browsertest.WaitText("#queue", "没有待审查的信息"),
		chromedp.Navigate(s.URL+"/admin/notices?status=published"),
		browsertest.WaitReady(),
		browsertest.WaitText("#list", "2026年11月城乡低保初审名单公示"),
		browsertest.WaitText("#list", indexNo(s, "SHJZ")),
	)
	b.Screenshot("notices-published")
	ps, err := s.App.Notices.Published(context.Background(), notice.PublicFilter{})
	if err != nil || len(ps) != 1 || ps[0].EndDate == nil || *ps[0].EndDate != end.String() {
		t.Fatalf("published: %+v %v", ps, err)
	}
	b.NoErrors("the server responded with a status of 404")
}

// categoryValue is the ID of a category, as the editor's select holds it.
func categoryValue(t *testing.T, s *servertest.Server, code string) string {
	t.Helper()
	all, err := s.App.Catalogue.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range all {
		if c.Code == code {
			return fmt.Sprint(c.ID)
		}
	}
	t.Fatalf("no category %s", code)
	return ""
}

func mustID(t *testing.T, s string) int64 {
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func mustDate(t *testing.T, s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The editor takes and shows publication times as wall times in the hall's
// zone, whatever the browser's (here New York, 13 hours behind Shanghai in
// winter), and counts the 公示 period from the publication day.
func TestEditorTimesAreTheHallsInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "ed", auth.RoleEditor)
	b := browsertest.New(t, 1600, 1100)
	b.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "America/New_York"})
		return err
	}))
	login(b, s.URL, "ed")
	day := today(s).AddDays(1)
	at := day.String() + "T10:00"
	b.Do(
		chromedp.Navigate(s.URL+"/admin/notice"),
		browsertest.WaitReady(),
		chromedp.SetValue(chromedp.CSS("#kind"), "publicity"),
		chromedp.SetValue(chromedp.CSS("#category"), categoryValue(t, s, "SHJZ")),
	)
	browsertest.Eval[bool](b, `document.querySelector('#kind').dispatchEvent(new Event('change', {bubbles: true}))`)
	browsertest.Eval[bool](b, `document.querySelector('#category').dispatchEvent(new Event('change', {bubbles: true}))`)
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#title"), "城乡低保复审名单公示"),
		chromedp.SendKeys(chromedp.CSS("#body"), "复审名单见附件。"),
		chromedp.SetValue(chromedp.CSS("#publish_at"), at),
	)
	browsertest.Eval[bool](b, `document.querySelector('#publish_at').dispatchEvent(new Event('change', {bubbles: true}))`)
	end := periodEnd(t, s, day, 7, calendar.UnitWorkdays)
	b.Do(
		browsertest.WaitText("#end-preview", end.String()),
		browsertest.WaitText("#end-preview", day.String()),
		chromedp.Click(chromedp.CSS("#save")),
		browsertest.WaitText("#state", "草稿"),
	)
	b.Screenshot("notice-editor-scheduled")
	rows, _, err := s.App.Notices.List(t.Context(), notice.ListFilter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("notices: %+v %v", rows, err)
	}
	d, err := s.App.Notices.Detail(t.Context(), rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	want := day.In(s.Cfg.TimeZone).Add(10 * time.Hour)
	if p := d.Current.PublishAt; p == nil || !p.Equal(want) {
		t.Fatalf("publish_at %v, want %v (10:00 in the hall)", p, want)
	}
	// Opened again, the form shows the same wall time.
	b.Do(
		chromedp.Navigate(fmt.Sprintf("%s/admin/notice?id=%d", s.URL, rows[0].ID)),
		browsertest.WaitReady(),
		browsertest.WaitJS(fmt.Sprintf(`document.querySelector('#publish_at').value === %q`, at)),
		browsertest.WaitText("#end-preview", end.String()),
	)
	b.NoErrors()
}
