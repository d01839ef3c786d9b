package server_test

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// fire dispatches a change event on the element sel, as a user's choice does.
func fire(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`document.querySelector(` + "`" + sel + "`" + `).dispatchEvent(new Event('change'))`)
}

// Staff register a request received by post on the make-up working
// Saturday 2026-10-10 with a scan: the page shows the rule of the channel
// next to the date, refuses a future date naming the field, and on save
// the deadline and that the day was a working day; then the receipt date
// is corrected with a reason and the log shows it.
func TestRegisterRequestInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.Clock.Set(time.Date(2026, 11, 10, 9, 0, 0, 0, s.Cfg.TimeZone))
	s.User(t, "ed", auth.RoleEditor)
	png, _ := base64.StdEncoding.DecodeString(tinyPNG)
	scan := filepath.Join(t.TempDir(), "来信扫描件.png")
	if err := os.WriteFile(scan, png, 0o600); err != nil {
		t.Fatal(err)
	}
	b := browsertest.New(t, 1440, 900)
	b.Do(chromedp.Navigate(s.URL+"/admin/login"), browsertest.WaitReady(),
		chromedp.SendKeys(chromedp.CSS("#username"), "ed"), chromedp.SendKeys(chromedp.CSS("#password"), "ed-password-1"),
		chromedp.Click(chromedp.CSS("#submit")), browsertest.WaitText("h1", "工作台"),
		chromedp.Navigate(s.URL+"/admin/requests"), browsertest.WaitReady(),
		chromedp.Click(chromedp.CSS("#register-open")), browsertest.WaitJS(`!document.querySelector('#register').hidden`))
	// The date is bounded by the server's today, not the browser's.
	if got := browsertest.Eval[string](b, `[document.querySelector('#reg-received_on').max, document.querySelector('#reg-received_on').value, document.querySelector('#reg-received_on').min].join(' ')`); got != "2026-11-10 2026-11-10 2025-01-01" {
		t.Fatalf("date bounds %q", got)
	}
	b.Do(browsertest.WaitText("#reg-rule", "以提交之日为收到申请之日"),
		chromedp.SetValue(chromedp.CSS("#reg-channel"), "post"), fire("#reg-channel"), browsertest.WaitText("#reg-rule", "以行政机关签收之日为收到申请之日"),
		chromedp.SendKeys(chromedp.CSS("#reg-name"), "张三丰"), chromedp.SendKeys(chromedp.CSS("#reg-id_number"), "11010519491231002X"),
		chromedp.SendKeys(chromedp.CSS("#reg-phone"), "13812345678"), chromedp.SendKeys(chromedp.CSS("#reg-address"), "某县城关镇解放路1号"),
		chromedp.SendKeys(chromedp.CSS("#reg-postcode"), "100000"), chromedp.SendKeys(chromedp.CSS("#reg-description"), "2025年石桥镇征地补偿款发放明细"),
		chromedp.SetValue(chromedp.CSS("#reg-delivery"), "mail"), chromedp.SendKeys(chromedp.CSS("#reg-note"), "挂号信，收发室签收"),
		chromedp.SetUploadFiles(chromedp.CSS("#reg-scan"), []string{scan}))

	// Tomorrow is refused, naming the date field; nothing is stored.
	b.Do(chromedp.SetValue(chromedp.CSS("#reg-received_on"), "2026-11-11"), chromedp.Click(chromedp.CSS("#reg-save")),
		browsertest.WaitText(`[data-field="received_on"] .error`, "收到日期"))
	if list, _ := s.App.Disclosure.List(t.Context(), true); len(list) != 0 {
		t.Fatalf("a refused registration stored %d requests", len(list))
	}

	b.Do(chromedp.ScrollIntoView(chromedp.CSS("#register")))
	b.Screenshot("admin-request-register-refused")

	// Signed for on the make-up working Saturday: due 2026-11-06.
	b.Do(chromedp.SetValue(chromedp.CSS("#reg-received_on"), "2026-10-10"), chromedp.Click(chromedp.CSS("#reg-save")),
		browsertest.WaitText("#reg-due", "2026-11-06"), browsertest.WaitText("#reg-result", "是工作日（国庆节调休上班）"),
		browsertest.WaitJS(`document.querySelector('#register').hidden`), chromedp.ScrollIntoView(chromedp.CSS("h1")))
	b.Screenshot("admin-request-registered")
	list, _ := s.App.Disclosure.List(t.Context(), true)
	if len(list) != 1 || list[0].Channel != "post" || list[0].State.Due.String() != "2026-11-06" {
		t.Fatalf("stored %+v", list)
	}
	b.Do(browsertest.WaitText("#detail-due", "2026-11-06"), browsertest.WaitText("#detail", "邮寄（签收）"),
		browsertest.WaitJS(`document.querySelector('#received-day') && document.querySelector('#detail #received-day').dataset.workday === 'true'`),
		browsertest.WaitJS(`document.querySelector('#scan-link') && document.querySelector('#scan-link').textContent.includes('来信扫描件.png')`),
		browsertest.WaitText("#requests", list[0].TrackingNo), browsertest.WaitText("#requests", "自然人"),
	)

	// The receipt date corrected without a reason is refused; with one the
	// deadline follows and the log shows the change.
	b.Do(chromedp.SetValue(chromedp.CSS("#fix-date"), "2026-10-09"), chromedp.Click(chromedp.CSS(`#fix button[type=submit]`)),
		browsertest.WaitText("#fix-error", "更正理由"))
	b.Do(chromedp.SendKeys(chromedp.CSS("#fix-reason"), "签收单日期为10月9日，登记时误填"), chromedp.Click(chromedp.CSS(`#fix button[type=submit]`)),
		browsertest.WaitText("#detail-due", "2026-11-05"), browsertest.WaitText("#log", "更正收到日期 2026-10-10 → 2026-10-09"),
		chromedp.ScrollIntoView(chromedp.CSS("#log")))
	b.Screenshot("admin-request-receipt-corrected")

	// English: the labels and the rule follow the switch.
	b.Do(chromedp.Click(chromedp.CSS("#lang")), browsertest.WaitText("#register-open", "Register a request"),
		chromedp.Click(chromedp.CSS("#register-open")), browsertest.WaitJS(`!document.querySelector('#register').hidden`),
		browsertest.WaitText("#reg-rule", "signs for it"), chromedp.ScrollIntoView(chromedp.CSS("#register")))
	if text := b.Text("#register"); !strings.Contains(text, "Received on") || strings.Contains(text, "收到日期") {
		t.Errorf("the form did not switch to English: %s", text)
	}
	b.Screenshot("admin-request-register-en")
	b.NoErrors()
}
