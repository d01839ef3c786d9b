package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// printMedia switches the page to print media (on) or back.
func printMedia(on bool) chromedp.Action[chromedp.Void] {
	media := ""
	if on {
		media = "print"
	}
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	})
}

// checkReceiptTime checks that the printed slip's time is the server's
// (in the hall's zone, ticking on from the kiosk's load), not the
// browser's: the fake clock is in another year than the machine's.
func checkReceiptTime(t *testing.T, s *servertest.Server, b *browsertest.Browser) {
	t.Helper()
	when := browsertest.Eval[string](b, `document.querySelector('#receipt .when').textContent`)
	at, err := time.ParseInLocation(time.DateTime, when, s.Cfg.TimeZone)
	if err != nil || at.Before(s.Clock.Now().Add(-time.Second)) || at.After(s.Clock.Now().Add(10*time.Minute)) {
		t.Errorf("receipt time %q (%v), want the server's %s", when, err, now(s).Format(time.DateTime))
	}
}

func TestKioskSuggestionRatingAndStatusInBrowser(t *testing.T) {
	s := servertest.Start(t)
	sampleContent(t, s)
	b := kioskBrowser(t, s, 1080, 1920)

	// A complaint typed in pinyin, with a mobile number on the keypad.
	b.Do(tap(`[data-tile="suggest"]`), tap(`[data-value="complaint"]`), tap(`[data-field="body"] textarea`))
	b.Do(typeKeys("chuangkou")...)
	b.Do(browsertest.WaitText(`#keyboard .cands`, "窗口"), tap(`#keyboard .cand`))
	b.Do(typeKeys("paidui")...)
	b.Do(browsertest.WaitText(`#keyboard .cands`, "排队"), tap(`#keyboard .cand`),
		browsertest.WaitJS(`document.querySelector('[data-field="body"] textarea').value === '窗口排队'`),
		tap(`[data-field="phone"] input`), browsertest.WaitJS(`document.querySelector('#keyboard [data-mode="digits"]')`))
	b.Do(typeKeys("13800138000")...)
	b.Screenshot("kiosk-suggestion-form")
	checkR10(t, b, "suggestion form with keypad")
	b.Do(tap(`#keyboard [data-key="done"]`), tap(`.suggest .submit`), browsertest.WaitJS(`/^\d{12}$/.test(document.querySelector('#receipt-screen .big-no').textContent)`))
	no := browsertest.Eval[string](b, `document.querySelector('#receipt-screen .big-no').textContent`)
	if page := browsertest.Eval[string](b, `document.body.innerText`); strings.Contains(page, "13800138000") || !strings.Contains(page, "138****8000") {
		t.Errorf("receipt shows the phone unmasked or not at all: %s", page)
	}
	b.Screenshot("kiosk-suggestion-receipt")
	checkReceiptTime(t, s, b)
	b.Do(printMedia(true))
	b.Screenshot("kiosk-suggestion-receipt-print")
	if w := browsertest.Eval[float64](b, `document.querySelector('#receipt').getBoundingClientRect().width`); w < 250 || w > 290 {
		t.Errorf("receipt is %.0f px wide in print, want 72 mm (272 px)", w)
	}
	b.Do(printMedia(false))

	// The hall replies; the citizen looks the reply up with the number and
	// the last four digits.
	list, _ := s.App.Suggestions.List(t.Context(), false)
	if err := s.App.Suggestions.Reply(t.Context(), testActor, list[0].ID, "已增派人员，高峰时段开放全部窗口。"); err != nil {
		t.Fatal(err)
	}
	b.Do(tap(`#home-btn`), tap(`[data-tile="status"]`), tap(`[data-field="tracking_no"] input`))
	b.Do(typeKeys(no)...)
	b.Do(tap(`[data-field="key"] input`))
	b.Do(typeKeys("8000")...)
	b.Do(tap(`#keyboard [data-key="done"]`), tap(`.status .submit`), browsertest.WaitText(`.status-result`, "已增派人员"))
	b.Screenshot("kiosk-status-reply")
	b.Do(tap(`[data-field="key"] input`), tap(`#keyboard [data-key="clear"]`))
	b.Do(typeKeys("1111")...)
	b.Do(tap(`#keyboard [data-key="done"]`), tap(`.status .submit`), browsertest.WaitText(`.status-out`, "没有找到"))
	// The misses left for this number, the hit before changing nothing.
	b.Do(browsertest.WaitText(`.status-out`, "再有 4 次"))
	b.Screenshot("kiosk-status-miss")

	// A bad rating opens a follow-up; a second rating in the visit is refused.
	b.Do(tap(`#home-btn`), tap(`[data-tile="rate"]`), tap(`[data-name="level"] [data-value="2"]`),
		tap(`[data-name="service"] [data-value="税务"]`), tap(`[data-name="tags"] [data-value="等候时间长"]`))
	b.Screenshot("kiosk-rating-form")
	checkR10(t, b, "rating form")
	b.Do(tap(`.rate .submit`), browsertest.WaitText(`#rate-done`, "回访"))
	b.Screenshot("kiosk-rating-done")
	b.Do(tap(`#home-btn`), browsertest.WaitText(`[data-tile="rate"]`, "本次已评价"), tap(`[data-tile="rate"]`), browsertest.WaitText(`.rate .done`, "已评价过"))
	open, _ := s.App.Ratings.List(t.Context(), ratingOpen)
	// The follow-up is due 5 working days after the server's today.
	if due := periodEnd(t, s, today(s), 5, calendar.UnitWorkdays); len(open) != 1 || open[0].DueOn == nil || *open[0].DueOn != due.String() {
		t.Fatalf("follow-up: %+v", open)
	}
	b.NoErrors("404")
}

func TestKioskDisclosureRequestInBrowser(t *testing.T) {
	s := servertest.Start(t)
	b := kioskBrowser(t, s, 1080, 1920)
	b.Do(tap(`[data-tile="apply"]`), tap(`[data-field="name"] input`))
	b.Do(typeKeys("zhangsan")...)
	b.Do(browsertest.WaitText(`#keyboard .cands`, "张三"), chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('#keyboard .cand')].find((c) => c.textContent === '张三').click()`),
		tap(`[data-field="id_number"] input`))
	b.Do(typeKeys("11010519491231002X")...)
	b.Do(tap(`[data-field="phone"] input`))
	b.Do(typeKeys("13912345678")...)
	b.Do(tap(`#keyboard [data-key="done"]`))
	b.Screenshot("kiosk-apply-step1")
	checkR10(t, b, "disclosure step 1")
	b.Do(tap(`.apply .next`), browsertest.WaitText(`.step-no`, "第 2 步"), tap(`.apply .next`), browsertest.WaitText(`.step-no`, "第 3 步"),
		tap(`[data-field="description"] textarea`))
	b.Do(typeKeys("dibao")...)
	b.Do(browsertest.WaitText(`#keyboard .buf`, "dibao"), tap(`#keyboard .cand`))
	b.Do(typeKeys("mingdan")...)
	b.Do(browsertest.WaitText(`#keyboard .cands`, "名单"), tap(`#keyboard .cand`), tap(`#keyboard [data-key="done"]`),
		tap(`.apply .next`), browsertest.WaitText(`.review`, "低保名单"))
	b.Screenshot("kiosk-apply-review")
	if review := b.Text(".review"); strings.Contains(review, "11010519491231002X") || !strings.Contains(review, "002X") {
		t.Errorf("the review step shows the ID number: %s", review)
	}
	// Received on the server's today: the reply is due 20 working days on.
	due := periodEnd(t, s, today(s), 20, calendar.UnitWorkdays)
	b.Do(tap(`.apply .submit`), browsertest.WaitText(`#receipt-screen`, due.String()))
	checkReceiptTime(t, s, b)
	// A due date that relies on a year without an official holiday list
	// says 预计 (R3), and only then (.ci/run reruns this on such a date).
	cal, err := s.App.Calendar.Calendar(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if slip, prov := b.Text("#receipt-screen"), cal.Provisional(today(s), due); strings.Contains(slip, "预计") != prov {
		t.Errorf("receipt (provisional %v): %s", prov, slip)
	}
	if page := browsertest.Eval[string](b, `document.body.innerText`); strings.Contains(page, "11010519491231002X") || strings.Contains(page, "13912345678") || !strings.Contains(page, "139****5678") {
		t.Errorf("personal numbers on the receipt: %s", page)
	}
	b.Screenshot("kiosk-apply-receipt")
	b.NoErrors()
}
