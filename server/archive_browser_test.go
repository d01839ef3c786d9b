package server_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// setInput sets a form control as a person would: value, then input and
// change events.
func setInput(sel, value string) string {
	return fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %q;
		el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`, sel, value)
}

func TestArchiveAdminInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	// A GBK file of 60,000 payments with one broken row at the end.
	const rows = 60000
	var buf bytes.Buffer
	if err := archivegen.New(77).WriteCSV(&buf, rows, true); err != nil {
		t.Fatal(err)
	}
	buf.WriteString("60001,王五,1101\r\n")
	file := filepath.Join(t.TempDir(), "低保金发放.csv")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	person := archivegen.People(77, rows)[3]

	b := browsertest.New(t, 1366, 900)
	b.Do(
		chromedp.Navigate(s.URL+"/admin/login"),
		browsertest.WaitReady(),
		chromedp.SendKeys(chromedp.CSS("#username"), "root"),
		chromedp.SendKeys(chromedp.CSS("#password"), "root-password-1"),
		chromedp.Click(chromedp.CSS("#submit")),
		browsertest.WaitText("#sections", "档案查询"),
		chromedp.Navigate(s.URL+"/admin/archive"),
		browsertest.WaitReady(),
		chromedp.Click(chromedp.CSS("#new")),
		browsertest.WaitReady(),
		browsertest.WaitText("h1", "新建数据集"),
		// The heading is static; the script fills the form (an empty
		// name) in the same task that draws the template's fields.
		browsertest.WaitJS(`document.querySelector('tr[data-field="1"] .f-name')?.value === 'id_number'`),
	)
	// Define: the template's name and ID number, plus the amount and the
	// bank card, queried by ID number and the card's last four digits.
	browsertest.Eval[bool](b, setInput("#name", "低保金发放"))
	b.Do(chromedp.Click(chromedp.CSS("#published")), chromedp.Click(chromedp.CSS("#add-field")))
	for _, js := range []string{
		setInput(`tr[data-field="2"] .f-name`, "amount"), setInput(`tr[data-field="2"] .f-label`, "发放金额（元）"),
	} {
		browsertest.Eval[bool](b, js)
	}
	b.Do(chromedp.Click(chromedp.CSS("#add-field")))
	for _, js := range []string{
		setInput(`tr[data-field="3"] .f-name`, "card"), setInput(`tr[data-field="3"] .f-label`, "银行卡号"),
		setInput(`tr[data-field="3"] select`, "bank_card"),
	} {
		browsertest.Eval[bool](b, js)
	}
	// The row number, read but not shown, tells repeated payments apart.
	b.Do(chromedp.Click(chromedp.CSS("#add-field")))
	browsertest.Eval[bool](b, setInput(`tr[data-field="4"] .f-name`, "seq"))
	browsertest.Eval[bool](b, setInput(`tr[data-field="4"] .f-label`, "序号"))
	b.Do(chromedp.Click(chromedp.CSS(`tr[data-field="4"] input[type=checkbox]`)))
	b.Do(chromedp.Click(chromedp.CSS("#add-key")))
	for _, js := range []string{
		setInput(`tr[data-key="1"] .k-name`, "card_last4"), setInput(`tr[data-key="1"] .k-label`, "银行卡号后四位"),
		setInput(`tr[data-key="1"] select`, "card"), setInput(`tr[data-key="1"] .k-last`, "4"),
	} {
		browsertest.Eval[bool](b, js)
	}
	b.Screenshot("archive-dataset-new")
	b.Do(
		chromedp.Click(chromedp.CSS("#save")),
		browsertest.WaitJS(`location.search === '?id=1'`),
		browsertest.WaitReady(),
		browsertest.WaitText("h1", "低保金发放"),
		chromedp.WaitVisible(chromedp.CSS("#upload")),
	)

	// Upload: the progress view, then the report with the broken row.
	b.Do(
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{file}),
		chromedp.Click(chromedp.CSS("#start")),
		browsertest.WaitJS(`document.querySelector('#import-bar') || document.querySelector('#progress[data-state]')`),
	)
	if browsertest.Eval[bool](b, `!!document.querySelector('#import-bar')`) {
		// Wait for the first counts, unless the import ends first.
		b.Do(browsertest.WaitJS(`document.querySelector('#progress[data-state]') || (document.querySelector('#import-bar') && document.querySelector('#import-bar').value > 0)`))
		browsertest.Eval[bool](b, `document.querySelector('#progress').scrollIntoView(); true`)
		b.Screenshot("archive-import-progress")
	} else {
		t.Log("the import ended before its progress could be shown")
	}
	b.Do(browsertest.WaitJS(`document.querySelector('#progress').dataset.state === 'live'`))
	browsertest.Eval[bool](b, `document.querySelector('#progress').scrollIntoView(); true`)
	b.Screenshot("archive-import-report")
	report := b.Text("#progress")
	if !strings.Contains(report, "列数与表头不符") || !strings.Contains(report, "60002") || !strings.Contains(report, "60000") || strings.Contains(report, "重复行") {
		t.Fatalf("report: %s", report)
	}
	if h := b.Text("#history"); !strings.Contains(h, "低保金发放.csv") || !strings.Contains(h, "生效中") {
		t.Fatalf("history: %s", h)
	}

	// Test lookup: the masked record.
	last4 := person.Card[len(person.Card)-4:]
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#key-id_number"), strings.ToLower(person.ID)),
		chromedp.SendKeys(chromedp.CSS("#key-card_last4"), last4),
		chromedp.Click(chromedp.CSS("#lookup-submit")),
		browsertest.WaitText("#lookup-status", "找到"),
	)
	browsertest.Eval[bool](b, `document.querySelector('#lookup').scrollIntoView(); true`)
	b.Screenshot("archive-test-lookup")
	result := b.Text("#lookup-result")
	if strings.Contains(result, person.ID) || !strings.Contains(result, person.ID[:6]+"********"+person.ID[14:]) ||
		!strings.Contains(result, "622848"[:4]+strings.Repeat("*", 11)+last4) {
		t.Fatalf("lookup result: %s", result)
	}

	// A kiosk queries; the list and the usage page show it.
	kioskLookup(t, s, s.Client(t), "lobby-1", 1, person.Keys())
	wrong := person.Keys()
	wrong["card_last4"] = "0000"
	kioskLookup(t, s, s.Client(t), "lobby-1", 1, wrong) // a miss: the kiosk and its address count one
	b.Do(
		chromedp.Navigate(s.URL+"/admin/archive"),
		browsertest.WaitReady(),
		browsertest.WaitText("#datasets", "60,000"),
	)
	b.Screenshot("archive-list")
	b.Do(
		chromedp.Navigate(s.URL+"/admin/archive-usage"),
		browsertest.WaitReady(),
		browsertest.WaitText("#queries", "lobby-1"),
		browsertest.WaitText("#days", today(s).String()),
		browsertest.WaitText("#kiosks", "地址 127.0.0.1"),
	)
	b.Screenshot("archive-usage")
	b.NoErrors()
}
