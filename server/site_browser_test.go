package server_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// siteLayoutCheck finds, on the page shown, a horizontal scroll and every
// control smaller than min px (the label of a radio or a checkbox counts
// as its control; the hidden honeypot and links inside a notice's own
// text, inline by nature, do not).
func siteLayoutCheck(min int) string {
	return fmt.Sprintf(`(() => {
		const bad = [];
		if (document.documentElement.scrollWidth > innerWidth) bad.push('horizontal scroll: ' + document.documentElement.scrollWidth + ' > ' + innerWidth);
		for (const el of document.querySelectorAll('a, button, input, select, textarea')) {
			if (el.type === 'hidden' || el.closest('.hp') || el.closest('.content')) continue;
			const box = el.matches('input[type=radio], input[type=checkbox]') ? el.closest('label') : el;
			const r = box.getBoundingClientRect();
			if (r.width < %[1]d || r.height < %[1]d) bad.push((el.getAttribute('href') || el.name || el.tagName) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
		}
		return bad;
	})()`, min)
}

// sitePage checks the page shown and saves a screenshot.
func sitePage(t *testing.T, b *browsertest.Browser, name string, w, h, min int, wants ...string) {
	t.Helper()
	b.Screenshot(fmt.Sprintf("site-%s-%dx%d", name, w, h))
	if bad := browsertest.Eval[[]string](b, siteLayoutCheck(min)); len(bad) > 0 {
		t.Errorf("%s at %dx%d: %v", name, w, h, bad)
	}
	text := browsertest.Eval[string](b, `document.body.innerText`)
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("%s at %dx%d: %q not shown", name, w, h, want)
		}
	}
}

// TestSiteInBrowser opens the public web edition in Chromium on a phone
// (360×780) and a desktop (1440×900): home, catalogue, a long notice with
// a table, the search for 低保 typed into the box, the 依申请公开 form
// filled in and sent, and its tracking number looked up; no horizontal
// scroll on the phone, every control at least 44 px (60 px in the
// large-text mode), the skip link first on the keyboard.
func TestSiteInBrowser(t *testing.T) {
	s := servertest.Start(t)
	sm := sampleContent(t, s)
	board := publishBoardNotice(t, sm.p)
	waitIndexed(t, s, 6)
	for _, size := range [][2]int{{360, 780}, {1440, 900}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			b := browsertest.New(t, w, h)
			b.Do(chromedp.Navigate(s.URL+"/gk/"), browsertest.WaitText("h2", "正在公示"))
			sitePage(t, b, "home", w, h, 44, "正在公示", boardTitle, "公示期："+zhSpan(today(s), periodEnd(t, s, today(s), 7, calendar.UnitWorkdays)))
			b.Do(chromedp.KeyEvent("\t"))
			if !browsertest.Eval[bool](b, `document.activeElement.classList.contains('skip') && document.activeElement.getBoundingClientRect().top >= 0`) {
				t.Error("the first Tab does not show the skip link")
			}
			b.Do(chromedp.Navigate(s.URL+"/gk/catalogue"), browsertest.WaitText("h1", "信息公开目录"))
			sitePage(t, b, "catalogue", w, h, 44, "社会救助", "征地信息")

			b.Do(chromedp.Navigate(s.URL+"/gk/n/"+itoa(board)), browsertest.WaitText("h1", boardTitle),
				browsertest.WaitJS(`document.querySelector('img.qr').complete && document.querySelector('img.qr').naturalWidth > 0`))
			sitePage(t, b, "notice", w, h, 44, "县民政局", "公示期："+zhSpan(today(s), periodEnd(t, s, today(s), 7, calendar.UnitWorkdays)), "剩余 7 个工作日", "东岭村")
			if n := browsertest.Eval[int](b, `document.querySelectorAll('.content tbody tr').length`); n != 12 {
				t.Errorf("table rows: %d", n)
			}
			b.Do(chromedp.Evaluate[chromedp.Void](`document.querySelector('.share').scrollIntoView()`))
			b.Screenshot(fmt.Sprintf("site-notice-end-%dx%d", w, h))

			b.Do(chromedp.Navigate(s.URL+"/gk/"), browsertest.WaitText("h2", "正在公示"),
				chromedp.SendKeys(chromedp.CSS("#q"), "低保"), chromedp.Click(chromedp.CSS(".search-box button")),
				browsertest.WaitJS(`location.pathname === '/gk/search' && document.querySelector('mark')`))
			sitePage(t, b, "search", w, h, 44, "条结果", boardTitle)

			b.Do(chromedp.Navigate(s.URL+"/gk/apply"), browsertest.WaitText("h1", "政府信息公开申请"))
			sitePage(t, b, "apply", w, h, 44, "申请人类型", "所需信息的名称、文号")
			b.Do(chromedp.SendKeys(chromedp.CSS("#name"), "王小明"),
				chromedp.SendKeys(chromedp.CSS("#id_number"), "11010519491231002X"),
				chromedp.SendKeys(chromedp.CSS("#phone"), "13912345678"),
				chromedp.SendKeys(chromedp.CSS("#description"), "2026年城乡低保资金发放明细"))
			s.Clock.Advance(5 * time.Second) // a person takes a while to fill it in
			b.Do(chromedp.Click(chromedp.CSS(".form button[type=submit]")), browsertest.WaitText("h1", "申请已提交"))
			sitePage(t, b, "apply-receipt", w, h, 44, "王*", "139****5678", zhDate(periodEnd(t, s, today(s), 20, calendar.UnitWorkdays))+"前")
			no := browsertest.Eval[string](b, `document.querySelector('#tracking-no').textContent`)
			if !regexp.MustCompile(`^\d{12}$`).MatchString(no) {
				t.Fatalf("tracking number %q", no)
			}

			b.Do(chromedp.Click(chromedp.CSS(`a[href="/gk/status?what=disclosure"]`)), browsertest.WaitText("h1", "办理进度查询"),
				chromedp.SendKeys(chromedp.CSS("#tracking_no"), no), chromedp.SendKeys(chromedp.CSS("#key"), "5678"))
			s.Clock.Advance(5 * time.Second)
			b.Do(chromedp.Click(chromedp.CSS(".form button[type=submit]")), browsertest.WaitJS(`document.querySelector('#result-no')`))
			sitePage(t, b, "status", w, h, 44, no, "办理中", "剩余 20 个工作日")

			// The large-text mode (适老化): bigger type, 60 px controls.
			b.Do(chromedp.Navigate(s.URL+"/gk/prefs?large=1&back="+url.QueryEscape("/gk/n/"+itoa(board))),
				browsertest.WaitJS(`document.documentElement.classList.contains('large') && document.querySelector('h1')`))
			sitePage(t, b, "notice-large", w, h, 60, boardTitle)
			if px := browsertest.Eval[float64](b, `parseFloat(getComputedStyle(document.body).fontSize)`); px < 20 {
				t.Errorf("large text: %.1f px", px)
			}
			b.NoErrors()
		})
	}
}
