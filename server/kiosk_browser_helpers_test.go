package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// kioskBrowser opens /kiosk in a touch-emulating Chromium of w×h and pairs
// it the real way: the page shows a code, an admin enters it, the page
// claims its token.
func kioskBrowser(t *testing.T, s *servertest.Server, w, h int) *browsertest.Browser {
	t.Helper()
	b := browsertest.New(t, w, h)
	b.Do(chromedp.EmulateViewport(int64(w), int64(h), chromedp.EmulateTouch),
		chromedp.Navigate(s.URL+"/kiosk"),
		browsertest.WaitJS(`/^\d{6}$/.test(document.querySelector('#pair-code').textContent)`))
	b.Screenshot(fmt.Sprintf("kiosk-pairing-%dx%d", w, h))
	code := browsertest.Eval[string](b, `document.querySelector('#pair-code').textContent`)
	pairers++
	user := fmt.Sprintf("pairer%d", pairers)
	s.User(t, user, auth.RoleAdmin)
	adm := s.Login(t, user, user+"-password-1")
	if res := adm.Do("POST", "/api/admin/devices/pair", map[string]string{"code": code, "name": "大厅一号机", "kind": "kiosk"}); res.Status != http.StatusCreated {
		t.Fatalf("pair: %d %s", res.Status, res.Body)
	}
	b.Do(browsertest.WaitReady(), browsertest.WaitJS(`document.querySelector('[data-tile="browse"]')`))
	return b
}

// tap taps the first visible element matching sel, as a finger would: at
// its centre. The element and its centre are found in one script, not by
// chromedp's node IDs, and the touch is sent again when the browser
// answers "Could not find node with given id": pages that redraw under the
// test (the keyboard, a list after a push) otherwise make taps fail now
// and then on a busy machine (TestKioskIdleWipeInBrowser did, one run in
// a few dozen).
func tap(sel string) chromedp.Action[chromedp.Void] {
	find := fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		if (!el || !el.checkVisibility()) return null;
		el.scrollIntoViewIfNeeded(true);
		const r = el.getBoundingClientRect();
		return r.width && r.height ? [r.left + r.width / 2, r.top + r.height / 2] : null;
	})()`, sel)
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for {
			xy, err := chromedp.Evaluate[[]float64](find)(ctx, t)
			if err != nil {
				return fmt.Errorf("tap %s: %w", sel, err)
			}
			if len(xy) == 2 {
				if err := touch(ctx, input.DispatchTouchEventTypeTouchStart, xy); err != nil {
					return fmt.Errorf("tap %s: %w", sel, err)
				}
				if err := touch(ctx, input.DispatchTouchEventTypeTouchEnd, nil); err != nil {
					return fmt.Errorf("tap %s: %w", sel, err)
				}
				return nil
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("tap %s: nothing visible: %w", sel, ctx.Err())
			case <-time.After(10 * time.Millisecond):
			}
		}
	})
}

// touch sends one touch event (a start at xy, or the end), again when the
// browser lost a node meanwhile.
func touch(ctx context.Context, typ input.DispatchTouchEventType, xy []float64) error {
	p := input.DispatchTouchEventParams{Type: typ, TouchPoints: []*input.TouchPoint{}}
	if xy != nil {
		one, id := 1.0, 0.0
		p.TouchPoints = []*input.TouchPoint{{X: xy[0], Y: xy[1], RadiusX: &one, RadiusY: &one, Force: &one, ID: &id}}
	}
	for i := 0; ; i++ {
		_, err := chromedp.Call(ctx, input.DispatchTouchEvent, p)
		if err == nil || i == 5 || !strings.Contains(err.Error(), "Could not find node with given id") {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
}
