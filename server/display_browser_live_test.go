package server_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/emergency"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// waitLong waits, up to d, until the JavaScript expression is truthy (a
// reconnection may wait up to the 30 s backoff cap).
func waitLong(t *testing.T, b *browsertest.Browser, expr string, d time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, d)
	defer cancel()
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expr+")"))
		if err == nil && ok {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("waiting %s for %s: %v (page errors: %v)", d, expr, err, b.Errors())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// sendEmergency broadcasts through the admin API and returns its message id.
func sendEmergency(t *testing.T, adm *servertest.Client, group int64, level, text string, expires time.Time) (int64, string) {
	t.Helper()
	var em emergency.Emergency
	post(t, adm, "/api/admin/emergencies", map[string]any{"text": text, "level": level, "groups": []int64{group}, "expires_at": expires},
		http.StatusCreated).JSON(t, &em)
	return em.ID, emergency.MessageID(em.ID)
}

// pageNow is the server's time as a display page reckons it: the page's
// clock plus the offset it measured at hello (static/shared/clock.js).
func pageNow(b *browsertest.Browser) time.Time {
	ms := browsertest.Eval[float64](b, `Date.now() + Number(JSON.parse(localStorage.getItem('hallcast.display.clock')).offset)`)
	return time.UnixMilli(int64(ms))
}

func seq(b *browsertest.Browser) int {
	return browsertest.Eval[int](b, `Number(document.body.dataset.seq || 0)`)
}

// TestDisplayEmergencyInBrowser sends an emergency to a big screen and a
// strip: both cover their rotation within a second and acknowledge it (the
// admin's receipts count them); the rotation goes on underneath; clearing
// removes the overlay.
func TestDisplayEmergencyInBrowser(t *testing.T) {
	s := servertest.Start(t)
	group, _ := displayHall(t, s)
	land := displayBrowser(t, s, "二楼电梯厅大屏", screenProfiles["land"], []int64{group})
	strip := displayBrowser(t, s, "一楼大厅东侧条屏", screenProfiles["strip256"], []int64{group})
	adm := screenAdmin(t, s)

	start := time.Now()
	id, mid := sendEmergency(t, adm, group, "critical", "大厅发生火警，请从东侧出口有序撤离", s.Clock.Now().Add(time.Hour))
	shown := fmt.Sprintf(`!document.querySelector('#emergency').hidden && document.querySelector('#emergency').dataset.id === %q`, mid)
	land.Do(browsertest.WaitJS(shown))
	landAt := time.Since(start)
	strip.Do(browsertest.WaitJS(shown))
	stripAt := time.Since(start)
	t.Logf("emergency shown after %v (landscape), %v (strip)", landAt, stripAt)
	if landAt > time.Second || stripAt > time.Second {
		t.Errorf("emergency shown after %v / %v, want within a second", landAt, stripAt)
	}
	land.Screenshot("display-land-emergency")
	strip.Screenshot("display-strip256-emergency")
	if txt := land.Text("#emergency"); txt == "" || !strings.Contains(txt, "紧急") || !strings.Contains(txt, "东侧出口") {
		t.Errorf("overlay text %q", txt)
	}
	eventually(t, "both receipts", func() bool {
		s.App.Emergencies.Flush()
		var r struct{ Confirmed int }
		adm.Do("GET", "/api/admin/emergencies/"+itoa(id), nil).JSON(t, &r)
		return r.Confirmed == 2
	})
	// The rotation goes on under the overlay.
	n := seq(land)
	land.Do(browsertest.WaitJS(fmt.Sprintf(`Number(document.body.dataset.seq) > %d`, n)))

	post(t, adm, "/api/admin/emergencies/"+itoa(id)+"/clear", nil, http.StatusOK)
	gone := `document.querySelector('#emergency').hidden`
	land.Do(browsertest.WaitJS(gone))
	strip.Do(browsertest.WaitJS(gone))
	land.NoErrors()
	strip.NoErrors()
}

// TestDisplayOfflineInBrowser stops the server under a playing screen: the
// rotation goes on, an emergency ends at its expiry without the server, a
// reload while offline starts from the service worker's cache and the last
// playlist; the server comes back on the same address and the screen
// reconnects by itself and delivers the proof of play it kept. Revoking
// the screen then brings back a pairing code.
func TestDisplayOfflineInBrowser(t *testing.T) {
	s := servertest.Start(t)
	group, notice := displayHall(t, s)
	b := displayBrowser(t, s, "一楼大厅西侧条屏", screenProfiles["strip384"], []int64{group})
	b.Do(browsertest.WaitJS(`navigator.serviceWorker.controller && Number(document.body.dataset.seq) > 2`))
	adm := screenAdmin(t, s)
	// Heartbeats tell the monitoring page what the screen plays.
	version := browsertest.Eval[string](b, `JSON.parse(localStorage.getItem('hallcast.display.playlist')).version`)
	eventually(t, "a heartbeat", func() bool {
		var st struct {
			Screens []struct{ Version, Client, Resolution, Power string }
		}
		adm.Do("GET", "/api/admin/screens/status", nil).JSON(t, &st)
		return len(st.Screens) == 1 && st.Screens[0].Version == version && st.Screens[0].Client == "1.0.0" &&
			st.Screens[0].Resolution == "384x64" && st.Screens[0].Power == "on"
	})
	// It ends 6 s on by the screen's clock: the server's, which runs on in
	// the page while the fake one stands still.
	_, mid := sendEmergency(t, adm, group, "warning", "系统维护，请稍候", pageNow(b).Add(6*time.Second))
	b.Do(browsertest.WaitJS(fmt.Sprintf(`document.querySelector('#emergency').dataset.id === %q`, mid)))
	b.Screenshot("display-strip384-emergency")

	stopServer(t, s)
	b.Do(browsertest.WaitJS(`document.body.dataset.online === '0'`))
	n := seq(b)
	b.Do(browsertest.WaitJS(fmt.Sprintf(`Number(document.body.dataset.seq) >= %d`, n+2)))
	waitLong(t, b, `document.querySelector('#emergency').hidden`, 15*time.Second)

	// A power cut while the server is down: the page comes back from the
	// cache and plays the last playlist.
	b.Do(chromedp.Navigate(s.URL+"/display"), browsertest.WaitReady(),
		browsertest.WaitJS(fmt.Sprintf(`document.body.dataset.item === 'n%d' || /^w-/.test(document.body.dataset.item)`, notice)))
	n = seq(b)
	b.Do(browsertest.WaitJS(fmt.Sprintf(`Number(document.body.dataset.seq) >= %d`, n+2)))
	b.Screenshot("display-strip384-offline")
	kept := `(() => { const q = JSON.parse(localStorage.getItem('hallcast.display.played') || '{}');
		return (q.pending || []).length + (q.batches || []).reduce((n, b) => n + b.items.length, 0); })()`
	if browsertest.Eval[int](b, kept) == 0 {
		t.Fatal("no proof of play kept while offline")
	}

	s2 := restartServer(t, s)
	back := time.Now()
	waitLong(t, b, `document.body.dataset.online === '1'`, 45*time.Second)
	t.Logf("reconnected %v after the restart (backoff with full jitter, cap 30 s)", time.Since(back).Round(time.Millisecond))
	waitLong(t, b, `JSON.parse(localStorage.getItem('hallcast.display.played')).batches.length === 0`, 15*time.Second)

	// The plays kept offline reached the proof-of-play report.
	adm2 := screenAdmin(t, s2)
	var rep struct{ Plays int64 }
	adm2.Do("GET", fmt.Sprintf("/api/admin/proof?notice=%d", notice), nil).JSON(t, &rep)
	if rep.Plays == 0 {
		t.Error("no plays of the notice in the proof-of-play report")
	}

	// Revoked: the page forgets its token and shows a new code.
	id := browsertest.Eval[int64](b, `JSON.parse(localStorage.getItem('hallcast.display.hello')).id`)
	if res := adm2.Do("POST", fmt.Sprintf("/api/admin/devices/%d/revoke", id), map[string]string{"reason": "设备更换"}); res.Status != http.StatusNoContent {
		t.Fatalf("revoke: %d %s", res.Status, res.Body)
	}
	waitLong(t, b, `!document.querySelector('#pairing').hidden && /^\d{6}$/.test(document.querySelector('#pair-code').textContent)`, 20*time.Second)
	if tok := browsertest.Eval[string](b, `localStorage.getItem('hallcast.display.token') || ''`); tok != "" {
		t.Error("the revoked token is still stored")
	}
	b.NoErrors("Failed to load resource", "net::ERR")
}

// TestDisplayStandbyInBrowser puts a playing screen in standby with a dim
// clock and wakes it, with the power frames the server sends at each power
// schedule transition; only visible time counts as played.
func TestDisplayStandbyInBrowser(t *testing.T) {
	s := servertest.Start(t)
	group, _ := displayHall(t, s)
	for _, name := range []string{"land", "strip256"} {
		b := displayBrowser(t, s, "待机测试"+name, screenProfiles[name], []int64{group})
		b.Do(browsertest.WaitJS(`Number(document.body.dataset.seq) > 1`))
		broadcastPower(t, s, map[string]any{"state": "standby", "standby": "dim_clock", "until": s.Clock.Now().Add(time.Hour)})
		b.Do(browsertest.WaitJS(`document.body.dataset.power === 'standby' && !document.querySelector('#standby').hidden &&
			/\d\d:\d\d/.test(document.querySelector('#standby').textContent)`))
		b.Screenshot("display-" + name + "-standby")
		broadcastPower(t, s, map[string]any{"state": "on"})
		b.Do(browsertest.WaitJS(`document.body.dataset.power === 'on' && document.querySelector('#standby').hidden`))
		b.NoErrors()
	}
}

// broadcastPower sends a power frame to every connected screen.
func broadcastPower(t *testing.T, s *servertest.Server, data map[string]any) {
	t.Helper()
	if _, err := s.App.Hub.Broadcast(push.TypePower, "", data, nil); err != nil {
		t.Fatal(err)
	}
}
