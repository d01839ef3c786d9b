package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// TestAdminPairsAScreenAndSeesTheTimelineInBrowser pairs a screen from the
// screens page with a profile preset and a group, then reads that group's
// day on the timeline page and asks what plays at 09:30.
func TestAdminPairsAScreenAndSeesTheTimelineInBrowser(t *testing.T) {
	s := servertest.Start(t)
	// What plays now is the weekday daytime playlist: a weekday morning.
	setClockToWeekday(s, 9, 0)
	s.User(t, "root", auth.RoleAdmin)
	admin := s.Login(t, "root", "root-password-1")
	var g struct{ ID int64 }
	post(t, admin, "/api/admin/screen-groups", map[string]string{"name": "一楼大厅", "kind": "hall"}, http.StatusCreated).JSON(t, &g)
	var pl struct{ ID int64 }
	post(t, admin, "/api/admin/screens/playlists", map[string]any{"name": "工作日白天",
		"items": []map[string]any{{"type": "notices"}, {"type": "clock"}, {"type": "ticker", "text": "办事请取号"}}}, http.StatusCreated).JSON(t, &pl)
	post(t, admin, "/api/admin/screens/schedules", map[string]any{"playlist_id": pl.ID, "group_id": g.ID,
		"weekdays": []int{1, 2, 3, 4, 5}, "start": "08:30", "end": "17:30"}, http.StatusCreated)
	post(t, admin, "/api/admin/screens/power", map[string]any{"weekdays": []int{1, 2, 3, 4, 5, 6, 7}, "on": "07:00", "off": "20:00",
		"standby": "dim_clock"}, http.StatusCreated)
	pub := newPublisher(t, s)
	n := pub.publish(map[string]any{"title": "低保初审名单公示", "body": "名单见附件。", "kind": "publicity",
		"category_id": pub.category("SHJZ"), "all_screens": true})
	var req struct{ Code string }
	s.Client(t).Do("POST", "/api/device/pair", map[string]string{"kind": "screen", "info": "test"}).JSON(t, &req)

	b := browsertest.New(t, 1366, 900)
	login(b, s.URL, "root")
	b.Do(
		chromedp.Navigate(s.URL+"/admin/screens"),
		browsertest.WaitReady(),
		browsertest.WaitText("#group-list", "一楼大厅"),
	)
	// A wrong code: the error names the field.
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#code"), "000000"),
		chromedp.SendKeys(chromedp.CSS("#name"), "一楼东侧条屏"),
		chromedp.Click(chromedp.CSS("#submit")),
		browsertest.WaitText("#error", "配对码"),
	)
	b.Do(
		chromedp.SetValue(chromedp.CSS("#code"), req.Code),
		chromedp.SetValue(chromedp.CSS("#preset"), "strip_384x64"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#preset').dispatchEvent(new Event('change'));
			document.querySelector('#groups').options[0].selected = true;`),
		browsertest.WaitJS(`document.querySelector('#width').value === '384' && document.querySelector('#lines').value === '2'`),
	)
	b.Screenshot("admin-screens-pair-zh")
	b.Do(
		chromedp.Click(chromedp.CSS("#submit")),
		browsertest.WaitText("#screens", "一楼东侧条屏"),
		browsertest.WaitText("#screens", "384×64"),
		browsertest.WaitText("#group-list", "1 块屏"),
	)
	b.Do(
		// Clicked from the page: the list may be drawn again after pairing,
		// which would drop a node looked up beforehand.
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#screens tr[data-screen] button:nth-of-type(2)').click()`),
		browsertest.WaitText("#now-result", "工作日白天"),
		browsertest.WaitText("#now-result", "低保初审名单公示"),
	)
	b.Screenshot("admin-screens-list-zh")
	list, err := s.App.Display.Screens(t.Context(), false)
	if err != nil || len(list) != 1 || list[0].Profile.Lines != 2 || len(list[0].Groups) != 1 {
		t.Fatalf("paired screens: %+v %v", list, err)
	}

	b.Do(
		chromedp.Navigate(s.URL+"/admin/screen-timeline"),
		browsertest.WaitReady(),
		browsertest.WaitText("#segments", "08:30–17:30"),
	)
	segs := browsertest.Eval[[]string](b, `[...document.querySelectorAll('#timeline .seg')].map((e) => e.dataset.start + '-' + e.dataset.end + ' ' + e.dataset.power)`)
	want := "00:00-07:00 standby,07:00-08:30 on,08:30-17:30 on,17:30-20:00 on,20:00-24:00 standby"
	if got := strings.Join(segs, ","); got != want {
		t.Fatalf("timeline segments\n got %s\nwant %s", got, want)
	}
	b.Do(
		chromedp.SetValue(chromedp.CSS("#plays-at"), "09:30"),
		chromedp.Click(chromedp.CSS("#plays-form button")),
		browsertest.WaitText("#plays-result", "工作日白天"),
		browsertest.WaitText("#plays-result", "办事请取号"),
	)
	b.Screenshot("admin-screens-timeline-zh")
	// The playlist editor: a new playlist with a ticker, saved and listed.
	b.Do(
		chromedp.Navigate(s.URL+"/admin/screen-playlists"),
		browsertest.WaitReady(),
		browsertest.WaitText("#playlists", "工作日白天"),
		chromedp.SendKeys(chromedp.CSS("#name"), "午间"),
		chromedp.SetValue(chromedp.CSS("#new-type"), "ticker"),
		chromedp.Click(chromedp.CSS("#add-item")),
		chromedp.SendKeys(chromedp.CSS(`#items tr[data-item="2"] input:not([type=number])`), "午休时间请到二号窗口"),
		chromedp.SetValue(chromedp.CSS("#new-type"), "countdown"),
		chromedp.Click(chromedp.CSS("#add-item")),
		chromedp.SetValue(chromedp.CSS(`#items tr[data-item="3"] select:last-of-type`), itoa(n)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#items tr[data-item="3"] select:last-of-type').dispatchEvent(new Event('change'))`),
	)
	b.Screenshot("admin-screens-playlist-zh")
	b.Do(
		chromedp.Click(chromedp.CSS("#form button[type=submit]")),
		browsertest.WaitText("#playlists", "午休时间请到二号窗口"),
	)
	pls, err := s.App.Display.Playlists(t.Context())
	if err != nil || len(pls) != 2 || pls[0].Name != "午间" || len(pls[0].Items) != 4 || pls[0].Items[3].NoticeID == nil || *pls[0].Items[3].NoticeID != n {
		t.Fatalf("saved playlists: %+v %v", pls, err)
	}
	b.Do(
		chromedp.Navigate(s.URL+"/admin/screen-schedules"),
		browsertest.WaitReady(),
		browsertest.WaitText("#schedules", "08:30–17:30"),
		chromedp.Click(chromedp.CSS("#lang")),
		browsertest.WaitText("h1", "Screens"),
		browsertest.WaitText("#tabs", "Dayparts and power"),
	)
	b.Screenshot("admin-screens-schedules-en")
	b.Do(chromedp.Click(chromedp.CSS("#lang")), browsertest.WaitText("h1", "屏幕管理"))
	b.NoErrors("400", "the server responded with a status")
}
