package server_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// write draws char on the keyboard's handwriting pad with a finger: its
// strokes from the handwriting test data (hanzi-writer-data medians),
// scaled to the pad, each a touch that starts, moves through the points
// and ends.
func write(t *testing.T, b *browsertest.Browser, char string) {
	t.Helper()
	box := browsertest.Eval[[]float64](b, `(() => { const r = document.querySelector('#keyboard .hw-canvas').getBoundingClientRect(); return [r.left, r.top, r.width]; })()`)
	strokes := padStrokes(t, char, int(box[2]))
	b.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, s := range strokes {
			for i, p := range s {
				typ := input.DispatchTouchEventTypeTouchMove
				if i == 0 {
					typ = input.DispatchTouchEventTypeTouchStart
				}
				if err := touch(ctx, typ, []float64{box[0] + float64(p[0]), box[1] + float64(p[1])}); err != nil {
					return err
				}
				// A finger's pace: a point every 8 ms.
				time.Sleep(8 * time.Millisecond)
			}
			if err := touch(ctx, input.DispatchTouchEventTypeTouchEnd, nil); err != nil {
				return err
			}
		}
		return nil
	}))
}

// candidate waits for char among the pad's first five candidates and
// taps it.
func candidate(t *testing.T, b *browsertest.Browser, char string) {
	t.Helper()
	b.Do(browsertest.WaitJS(fmt.Sprintf(`[...document.querySelectorAll('#keyboard .hw-cand')].slice(0, 5).some((b) => b.textContent === %q)`, char)))
	i := browsertest.Eval[int](b, fmt.Sprintf(`[...document.querySelectorAll('#keyboard .hw-cand')].findIndex((b) => b.textContent === %q)`, char))
	b.Do(tap(fmt.Sprintf(`#keyboard .hw-cand[data-cand="%d"]`, i)))
}

// Writing 低 and 保 on the handwriting pad offers each among the first
// five candidates; tapping them types 低保. Elderly mode opens on the pad
// (shown first), normal mode on pinyin with the pad a tap away, in both
// orientations.
func TestKioskHandwritingPadInBrowser(t *testing.T) {
	needHandwritingModel(t)
	s := servertest.Start(t)
	sampleContent(t, s)
	for _, size := range [][2]int{{1080, 1920}, {1920, 1080}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			b := kioskBrowser(t, s, size[0], size[1])
			// Elderly mode: the keyboard opens on handwriting.
			b.Do(tap(`#elderly-btn`), tap(`[data-tile="search"]`), tap(`#q`),
				browsertest.WaitJS(`document.querySelector('#keyboard .hw-canvas')`), settled())
			b.Screenshot(fmt.Sprintf("kiosk-handwriting-empty-%dx%d-elderly", size[0], size[1]))
			checkR10(t, b, "handwriting pad, elderly")
			write(t, b, "低")
			b.Do(browsertest.WaitJS(`document.querySelectorAll('#keyboard .hw-cand').length > 0`))
			b.Screenshot(fmt.Sprintf("kiosk-handwriting-di-%dx%d-elderly", size[0], size[1]))
			checkR10(t, b, "handwriting candidates, elderly")
			candidate(t, b, "低")
			b.Do(browsertest.WaitJS(`document.querySelector('#q').value === '低' && !document.querySelector('#keyboard .hw-cand')`))
			write(t, b, "保")
			candidate(t, b, "保")
			b.Do(browsertest.WaitJS(`document.querySelector('#q').value === '低保'`))
			// The pad forgets the strokes once a character is chosen.
			if n := browsertest.Eval[int](b, `document.querySelectorAll('#keyboard .hw-cand').length`); n != 0 {
				t.Errorf("%d candidates left after choosing", n)
			}
			b.Do(tap(`.search .go`))
			b.Do(browsertest.WaitText(`.results .total`, "找到"))
			b.Screenshot(fmt.Sprintf("kiosk-handwriting-results-%dx%d-elderly", size[0], size[1]))

			// Normal mode: pinyin first, the pad one tap away.
			b.Do(tap(`#home-btn`), tap(`#elderly-btn`), tap(`[data-tile="suggest"]`), tap(`[data-field="body"] textarea`),
				browsertest.WaitJS(`document.querySelector('#keyboard [data-key="q"]') && !document.querySelector('#keyboard .hw-canvas')`),
				tap(`#keyboard [data-key="hand"]`), browsertest.WaitJS(`document.querySelector('#keyboard .hw-canvas')`), settled())
			write(t, b, "低")
			candidate(t, b, "低")
			b.Do(browsertest.WaitJS(`document.querySelector('[data-field="body"] textarea').value === '低'`))
			b.Screenshot(fmt.Sprintf("kiosk-handwriting-suggest-%dx%d", size[0], size[1]))
			checkR10(t, b, "handwriting pad")
			b.NoErrors()
		})
	}
}

// Without a model the pad says handwriting is unavailable, and elderly
// mode opens on pinyin.
func TestKioskHandwritingUnavailableInBrowser(t *testing.T) {
	s := servertest.Start(t, func(cfg *config.Config, _ *server.Options) {
		cfg.HandwritingModel = filepath.Join(t.TempDir(), "missing.model")
	})
	b := kioskBrowser(t, s, 1080, 1920)
	b.Do(tap(`#elderly-btn`), tap(`[data-tile="search"]`), tap(`#q`),
		browsertest.WaitJS(`document.querySelector('#keyboard [data-key="z"]')`),
		tap(`#keyboard [data-key="hand"]`), browsertest.WaitText(`#keyboard .hw-note`, "手写识别暂不可用"))
	b.Screenshot("kiosk-handwriting-unavailable")
	b.Do(tap(`#keyboard [data-key="pinyin"]`), browsertest.WaitJS(`document.querySelector('#keyboard [data-key="z"]')`))
	b.NoErrors()
}
