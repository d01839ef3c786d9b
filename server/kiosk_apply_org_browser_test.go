package server_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// An organisation applying at the kiosk says which kind it is, with large
// touch targets like the rest of the form (R10), in normal and elderly
// mode; the request is counted under that kind.
func TestKioskOrganisationKindInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.Clock.Set(time.Date(2026, 11, 23, 9, 0, 0, 0, s.Cfg.TimeZone)) // a Monday: due Monday 2026-12-21
	b := kioskBrowser(t, s, 1080, 1920)
	b.Do(tap(`[data-tile="apply"]`), tap(`[data-name="applicant_type"] [data-value="organisation"]`),
		browsertest.WaitJS(`document.querySelectorAll('[data-name="org_kind"] .choice').length === 5`))
	b.Screenshot("kiosk-apply-organisation")
	checkR10(t, b, "disclosure step 1, organisation")
	// A missing kind is named next to its field.
	b.Do(chromedp.Evaluate[chromedp.Void](`(() => {
		const set = (f, v) => { document.querySelector('[data-field="' + f + '"] input').value = v; };
		set('name', '某某科学研究院'); set('org_code', '12100000400000000X'); set('legal_rep', '赵六'); set('contact_name', '钱七'); set('phone', '13912345678');
	})()`), tap(`.apply .next`), browsertest.WaitText(`.step-no`, "第 2 步"), tap(`.apply .next`), browsertest.WaitText(`.step-no`, "第 3 步"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-field="description"] textarea').value = '科研项目立项文件'`),
		tap(`.apply .next`), tap(`.apply .submit`), browsertest.WaitText(`[data-field="org_kind"] .error`, "组织类别"))
	b.Do(tap(`[data-name="org_kind"] [data-value="research"]`), tap(`.apply .next`), tap(`.apply .next`), tap(`.apply .next`),
		browsertest.WaitText(`.review`, "科研机构"), tap(`.apply .submit`), browsertest.WaitText(`#receipt-screen`, "2026-12-21"))
	list, err := s.App.Disclosure.List(t.Context(), true)
	if err != nil || len(list) != 1 || list[0].ApplicantCategory != disclosure.CategoryResearch || list[0].Channel != disclosure.ChannelKiosk {
		t.Fatalf("stored %+v %v", list, err)
	}
	// Elderly mode keeps the kinds at 60 px and more.
	b.Do(tap(`#home-btn`), tap(`#elderly-btn`), tap(`[data-tile="apply"]`), tap(`[data-name="applicant_type"] [data-value="organisation"]`),
		browsertest.WaitJS(`document.body.classList.contains('elderly') && document.querySelectorAll('[data-name="org_kind"] .choice').length === 5`))
	b.Screenshot("kiosk-apply-organisation-elderly")
	checkR10(t, b, "disclosure step 1, organisation, elderly mode")
	b.NoErrors()
}
