package server_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// shownSince starts recording, in the page, every item the rotation shows
// from now on.
const shownSince = `(() => { window.__shown = []; new MutationObserver(() => window.__shown.push(document.body.dataset.item))
	.observe(document.body, { attributes: true, attributeFilter: ['data-item'] }); return true; })()`

// TestDisplayDropsAnExpiredNoticeOffline (issue 22): a strip plays a
// notice that expires at an exact instant; its server stops 30 s before.
// The screen goes on showing the notice while it is on air, and once the
// screen's clock (the server's time it keeps offline) passes expire_at the
// notice and its countdown never come back, live and after an offline
// reload from the service worker. The page's clock is moved with the
// display's own offset rather than waited for.
func TestDisplayDropsAnExpiredNoticeOffline(t *testing.T) {
	s := servertest.Start(t)
	group, other := displayHall(t, s)
	expire := s.Clock.Now().Add(45 * time.Second).Truncate(time.Second)
	pub := &publisher{t: t, s: s, ed: s.Login(t, "sample.ed", "sample.ed-password-1"), rita: s.Login(t, "sample.rita", "sample.rita-password-1")}
	gone := pub.publish(map[string]any{"title": "今日下午两点至四点停水通知", "kind": "notification", "category_id": pub.category("TZGG"),
		"all_screens": true, "duration": 4, "expire_at": expire, "body": "因管道检修，大厅卫生间暂停供水。"})
	b := displayBrowser(t, s, "一楼大厅条屏", screenProfiles["strip384"], []int64{group})
	key, countdown := fmt.Sprintf("n%d", gone), fmt.Sprintf("w-countdown-%d", gone)
	b.Do(browsertest.WaitJS(`navigator.serviceWorker.controller`),
		browsertest.WaitJS(fmt.Sprintf(`JSON.parse(localStorage.getItem('hallcast.display.playlist')).items.some((it) => it.key === %q && Date.parse(it.end) === %d)`,
			key, expire.UnixMilli())))

	// The server stops 30 s (or a little more) before expire_at.
	pageNow := func() time.Time {
		return time.UnixMilli(awaitJS[int64](t, b, `import('/assets/shared/clock.js').then((m) => m.now())`))
	}
	if left := expire.Sub(pageNow()); left < 30*time.Second {
		t.Fatalf("only %v left before the stop", left)
	}
	stopServer(t, s)
	b.Do(browsertest.WaitJS(`document.body.dataset.online === '0'`))
	waitLong(t, b, fmt.Sprintf(`document.body.dataset.item === %q`, key), 40*time.Second) // still on air: still shown
	b.Screenshot("display-strip384-before-expiry-offline")

	// The screen's clock passes expire_at.
	awaitJS[bool](t, b, fmt.Sprintf(`import('/assets/shared/clock.js').then((m) => (m.sync({ now: new Date(%d).toISOString() }), true))`, expire.Add(time.Second).UnixMilli()))
	b.Do(browsertest.WaitJS(shownSince))
	cycle := func(what string) {
		t.Helper()
		n := seq(b)
		// A whole rotation (the other notice comes round again) and more.
		waitLong(t, b, fmt.Sprintf(`Number(document.body.dataset.seq) >= %d && window.__shown.includes('n%d')`, n+7, other), 60*time.Second)
		shown := browsertest.Eval[[]string](b, `window.__shown`)
		for _, k := range shown {
			if k == key || k == countdown {
				t.Fatalf("%s: the expired notice was shown again: %v", what, shown)
			}
		}
		t.Logf("%s: shown %v", what, shown)
	}
	cycle("live")
	b.Screenshot("display-strip384-after-expiry-offline")

	// A power cut: the page comes back from the cache with the stored
	// playlist (which still lists the notice) and the kept clock.
	b.Do(chromedp.Navigate(s.URL+"/display"), browsertest.WaitReady(), browsertest.WaitJS(shownSince))
	if !browsertest.Eval[bool](b, fmt.Sprintf(`JSON.parse(localStorage.getItem('hallcast.display.playlist')).items.some((it) => it.key === %q)`, key)) {
		t.Fatal("the stored playlist lost the notice: the test would prove nothing")
	}
	if at := pageNow(); at.Before(expire) {
		t.Fatalf("after the reload the screen's clock says %v, before expire_at %v", at, expire)
	}
	cycle("after an offline reload")
	b.NoErrors("Failed to load resource", "net::ERR")
}

// awaitJS evaluates an expression that gives a promise (the display's
// own modules, imported again: the same instances) and returns its value.
func awaitJS[T any](t *testing.T, b *browsertest.Browser, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 10*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v (page errors: %v)", expr, err, b.Errors())
	}
	return v
}
