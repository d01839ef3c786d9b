package server_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// advance lets the page's clock and timers run ms of virtual time as fast
// as they can (Emulation.setVirtualTimePolicy), then pauses them there.
func advance(ms float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetVirtualTimePolicy, emulation.SetVirtualTimePolicyParams{Policy: emulation.VirtualTimePolicyAdvance, Budget: &ms})
		return err
	})
}

func TestKioskIdleWipeInBrowser(t *testing.T) {
	s := servertest.Start(t)
	sampleContent(t, s)
	b := kioskBrowser(t, s, 1080, 1920)

	// A visitor searches, reads, then starts a disclosure request and walks
	// away with personal data on screen.
	b.Do(tap(`[data-tile="search"]`), tap(`#q`))
	b.Do(typeKeys("dibao")...)
	b.Do(browsertest.WaitText(`#keyboard .buf`, "dibao"), tap(`#keyboard .cand`), tap(`.search-bar .go`), browsertest.WaitText(`.results`, "找到 4 条"))
	b.Do(tap(`#home-btn`), tap(`[data-tile="apply"]`), tap(`[data-field="name"] input`))
	b.Do(typeKeys("zhang")...)
	b.Do(browsertest.WaitText(`#keyboard .buf`, "zhang"), tap(`#keyboard .cand`), tap(`[data-field="id_number"] input`))
	b.Do(typeKeys("11010519491231002X")...)
	b.Do(tap(`#keyboard [data-key="done"]`), tap(`#elderly-btn`),
		browsertest.WaitJS(`document.querySelector('[data-field="id_number"] input').value === '11010519491231002X'`),
		chromedp.Evaluate[chromedp.Void](`sessionStorage.setItem('draft', 'x')`))

	// 90 s without a touch: the warning, with at least 20 s and a big button.
	b.Do(advance(95_000), browsertest.WaitJS(`!document.querySelector('#idle').hidden`))
	b.Screenshot("kiosk-idle-warning-elderly")
	left := browsertest.Eval[int](b, `Number(document.querySelector('#idle-count').textContent)`)
	box := browsertest.Eval[[]float64](b, `(() => { const r = document.querySelector('#idle-continue').getBoundingClientRect(); return [r.width, r.height]; })()`)
	if left < 20 || box[0] < 300 || box[1] < 120 {
		t.Errorf("warning: %d s left, button %v", left, box)
	}
	// Continue keeps everything.
	b.Do(tap(`#idle-continue`), browsertest.WaitJS(`document.querySelector('#idle').hidden`))
	if v := browsertest.Eval[string](b, `document.querySelector('[data-field="id_number"] input').value`); v != "11010519491231002X" {
		t.Fatalf("continue lost the form: %q", v)
	}
	// This time nobody answers: everything is wiped and home returns.
	b.Do(advance(125_000), browsertest.WaitJS(`document.body.dataset.view === 'home' && document.querySelector('#idle').hidden`))
	b.Screenshot("kiosk-after-wipe")
	state := browsertest.Eval[map[string]any](b, `({
		fields: [...document.querySelectorAll('input, textarea')].filter((e) => e.value !== '').length,
		storage: sessionStorage.length, history: history.length, url: location.pathname + location.search,
		elderly: document.body.classList.contains('elderly'), receipt: document.querySelector('#receipt').textContent,
		text: document.body.innerText.includes('低保') || document.body.innerText.includes('11010519491231002X'),
	})`)
	if state["fields"].(float64) != 0 || state["storage"].(float64) != 0 || state["url"] != "/kiosk" || state["elderly"] == true || state["receipt"] != "" || state["text"] == true {
		t.Errorf("after the wipe: %v", state)
	}
	// Back walks nothing: the stack is gone.
	if hidden := browsertest.Eval[bool](b, `document.querySelector('#back-btn').hidden`); !hidden {
		t.Error("back button offered after the wipe")
	}
	b.NoErrors()
}

func TestKioskPushesInBrowser(t *testing.T) {
	s := servertest.Start(t)
	sm := sampleContent(t, s)
	b := kioskBrowser(t, s, 1920, 1080)
	b.Screenshot("kiosk-home-landscape")
	checkR10(t, b, "landscape home")

	// A reader scrolled down a list; a new notice is published: the list
	// updates, the reader stays where they were and sees a small note.
	tzgg := sm.p.category("TZGG")
	for i := 0; i < 12; i++ {
		sm.p.publish(map[string]any{"title": fmt.Sprintf("关于第%d批人员名单的通知", i+1), "kind": "notification", "category_id": tzgg, "body": "名单见附件。"})
	}
	waitIndexed(t, s, 17)
	b.Do(tap(`[data-tile="browse"]`), tap(`[data-category="`+itoa(tzgg)+`"]`), browsertest.WaitJS(`document.querySelectorAll('.notice-row').length === 10`),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#view').scrollTop = 400`))
	before := browsertest.Eval[float64](b, `document.querySelector('#view').scrollTop`)
	sm.p.publish(map[string]any{"title": "新发布：城关镇道路施工公告", "kind": "announcement", "category_id": tzgg, "body": "施工期间请绕行。"})
	b.Do(browsertest.WaitJS(`!document.querySelector('#updated').hidden`), browsertest.WaitText(`.list`, "道路施工"))
	if after := browsertest.Eval[float64](b, `document.querySelector('#view').scrollTop`); after != before {
		t.Errorf("the list moved under the reader: scroll %v → %v", before, after)
	}
	b.Screenshot("kiosk-list-updated-landscape")

	// An emergency shows as a banner until it is cleared.
	if _, err := s.App.Hub.Broadcast(push.TypeEmergency, "em-1", map[string]string{"text": "大厅消防演练，请听从工作人员指引。", "level": "warning"}, nil); err != nil {
		t.Fatal(err)
	}
	b.Do(browsertest.WaitText(`#banner`, "消防演练"))
	b.Screenshot("kiosk-emergency-landscape")
	checkR10(t, b, "emergency banner")
	if _, err := s.App.Hub.Broadcast(push.TypeEmergencyClear, "", map[string]string{"id": "em-1"}, nil); err != nil {
		t.Fatal(err)
	}
	b.Do(browsertest.WaitJS(`document.querySelector('#banner').hidden`))
	b.NoErrors()
}
