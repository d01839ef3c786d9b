package server_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// typeKeys taps on-screen keyboard keys, one per character.
func typeKeys(keys string) []chromedp.Action[chromedp.Void] {
	var out []chromedp.Action[chromedp.Void]
	for _, k := range keys {
		out = append(out, tap(`#keyboard [data-key="`+string(k)+`"]`))
	}
	return out
}

func TestKioskBrowseAndSearchInBrowser(t *testing.T) {
	s := servertest.Start(t)
	sm := sampleContent(t, s)
	b := kioskBrowser(t, s, 1080, 1920)
	checkR10(t, b, "home")

	// Browse: category → list → the notice, with its attachment, its
	// interpretation and the 公示 countdown.
	cat, notice := `[data-category="`+itoa(sm.social)+`"]`, `[data-notice="`+itoa(sm.lowbao)+`"]`
	b.Do(tap(`[data-tile="browse"]`), browsertest.WaitText(cat, "社会救助"),
		tap(cat), browsertest.WaitText(notice, "低保对象名单"),
		tap(notice), browsertest.WaitText(`.notice-title`, "低保对象名单的公示"),
		browsertest.WaitText(`.period`, "还剩 7 个工作日"), browsertest.WaitJS(`document.querySelector('.attachment img').naturalWidth === 2`))
	b.Screenshot("kiosk-notice-portrait")
	checkR10(t, b, "notice")
	// A policy document links its interpretation.
	b.Do(tap(`#home-btn`), tap(`[data-tile="browse"]`), tap(`[data-category="`+itoa(sm.policyCat)+`"]`),
		tap(`[data-notice="`+itoa(sm.policy)+`"]`), browsertest.WaitText(`.interps`, "一图读懂"),
		tap(`.interps [data-notice="`+itoa(sm.interp)+`"]`), browsertest.WaitText(`.notice-title`, "一图读懂"))

	// A service guide shows its structured fields.
	b.Do(tap(`#home-btn`), tap(`[data-tile="guides"]`), browsertest.WaitText(`[data-notice="`+itoa(sm.guide)+`"]`, "办事指南"),
		tap(`[data-notice="`+itoa(sm.guide)+`"]`), browsertest.WaitText(`.guide`, "申请材料"))
	b.Screenshot("kiosk-guide-portrait")

	// Search 低保 typed in pinyin on the on-screen keyboard.
	b.Do(tap(`#home-btn`), tap(`[data-tile="search"]`), tap(`#q`), browsertest.WaitJS(`!document.querySelector('#keyboard').hidden`))
	b.Do(typeKeys("dibao")...)
	b.Do(browsertest.WaitText(`#keyboard .cands`, "低保"))
	b.Screenshot("kiosk-search-keyboard")
	b.Do(tap(`#keyboard .cand`), browsertest.WaitJS(`document.querySelector('#q').value === '低保'`),
		tap(`.search-bar .go`), browsertest.WaitText(`.results .total`, "找到 4 条"),
		browsertest.WaitText(`.results .hit mark`, "低保"))
	b.Screenshot("kiosk-search-results")
	checkR10(t, b, "search results")
	// The same screens in elderly mode, one tap away.
	b.Do(tap(`#elderly-btn`), browsertest.WaitJS(`document.body.classList.contains('elderly')`))
	b.Screenshot("kiosk-search-results-elderly")
	checkR10(t, b, "search results, elderly")
	b.Do(tap(`.results .hit`), browsertest.WaitText(`.notice-title`, "低保"))
	b.Screenshot("kiosk-notice-elderly")
	checkR10(t, b, "notice, elderly")
	b.Do(tap(`#home-btn`), browsertest.WaitJS(`document.body.dataset.view === 'home'`))
	b.Screenshot("kiosk-home-elderly")
	checkR10(t, b, "home, elderly")
	// Elderly mode opens on handwriting; pinyin is one tap away.
	b.Do(tap(`[data-tile="suggest"]`), tap(`[data-value="praise"]`), tap(`[data-field="body"] textarea`),
		browsertest.WaitJS(`document.querySelector('#keyboard .hw-canvas')`), tap(`#keyboard [data-key="pinyin"]`))
	b.Do(typeKeys("jianyi")...)
	b.Do(browsertest.WaitText(`#keyboard .buf`, "jianyi"))
	b.Screenshot("kiosk-keyboard-elderly")
	checkR10(t, b, "keyboard, elderly")
	// English, one tap away too; what was typed and chosen stays.
	b.Do(tap(`#keyboard .cand`), tap(`#keyboard [data-key="done"]`), tap(`#lang-btn`), browsertest.WaitText(`h1`, "Suggestions"),
		browsertest.WaitJS(`document.querySelector('[data-field="body"] textarea').value === '建议'`),
		browsertest.WaitJS(`document.querySelector('[data-value="praise"]').getAttribute('aria-pressed') === 'true'`))
	b.Screenshot("kiosk-suggestion-elderly-en")
	b.NoErrors()
}
