package server_test

import (
	"fmt"
	"net/http"
	"testing"

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

// tap taps the first element matching sel.
func tap(sel string) chromedp.Action[chromedp.Void] { return chromedp.Tap(chromedp.CSS(sel)) }
