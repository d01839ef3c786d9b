package server_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/display/status"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// The screen status page shows online, offline and flagged screens and
// follows changes by itself; the proof-of-play page shows the daily
// figures per notice with the workbook link.
func TestScreenStatusAndProofPagesInBrowser(t *testing.T) {
	s := servertest.Start(t)
	// The plays of each day below start two hours before now's time of
	// day and last up to half an hour (and the screens go quiet for 7
	// minutes): all within the day.
	roomToday(s, 3*time.Hour, 10*time.Minute)
	s.User(t, "root", auth.RoleAdmin)
	admin := s.Login(t, "root", "root-password-1")
	p := newPublisher(t, s)
	zhengdi := p.publish(map[string]any{"title": "石桥镇集体土地征地补偿安置方案公告", "kind": "announcement",
		"category_id": p.category("ZDXX"), "body": "本次征地涉及石桥镇三个村。"})
	winter := p.publish(map[string]any{"title": "关于调整办事大厅冬季作息时间的通知", "kind": "notification",
		"category_id": p.category("TZGG"), "body": "自12月1日起，上午9:00至下午5:00。"})

	westID, westToken := pairScreen(t, s, admin, "二楼西侧大屏", "landscape", nil)
	pairScreen(t, s, admin, "电梯口竖屏", "portrait", nil)
	east, eastToken := pairScreen(t, s, admin, "一楼东侧条屏", "strip_256x32", nil)
	south, southToken := pairScreen(t, s, admin, "南门LED墙", "wall_768x384", nil)
	west := dialScreen(t, s, westToken, "")
	west.send(push.TypeHeartbeat, "", map[string]any{"item": "w-clock", "version": "9f2c41aa77", "resolution": "1920x1080", "client": "1.0.0", "uptime_s": 50})
	waitScreen(t, admin, westID, "seen", func(st status.Screen) bool { return st.Item == "w-clock" })
	west.conn.Close()
	waitScreen(t, admin, westID, "offline", func(st status.Screen) bool { return !st.Online })
	s.Clock.Advance(7 * time.Minute) // the west and lift screens are now flagged

	ec := dialScreen(t, s, eastToken, "")
	ec.send(push.TypeHeartbeat, "", map[string]any{"item": fmt.Sprintf("n%d", zhengdi), "version": "b3f1c2d4e5", "resolution": "256x32",
		"client": "1.0.0", "uptime_s": 93784, "power": "on"})
	sc := dialScreen(t, s, southToken, "")
	sc.send(push.TypeHeartbeat, "", map[string]any{"item": "w-ticker-1", "resolution": "768x384", "client": "1.0.0", "uptime_s": 5, "power": "on"})
	waitScreen(t, admin, south, "seen", func(st status.Screen) bool { return st.Item == "w-ticker-1" })
	sc.conn.Close()
	waitScreen(t, admin, south, "offline", func(st status.Screen) bool { return !st.Online })
	waitScreen(t, admin, east, "seen", func(st status.Screen) bool { return st.UptimeS > 0 })

	// A week of plays: the east screen shows both notices every day.
	now := s.Clock.Now()
	for d := 6; d >= 0; d-- {
		var items []map[string]any
		day := now.Add(-time.Duration(d) * 24 * time.Hour).Add(-2 * time.Hour)
		for i := range 40 + 7*d {
			n := zhengdi
			if i%3 == 0 {
				n = winter
			}
			items = append(items, map[string]any{"key": fmt.Sprintf("n%d", n), "notice_id": n, "start": day.Add(time.Duration(i) * 15 * time.Second), "duration_ms": 12000})
		}
		for _, id := range []int64{east, south} {
			data, _ := json.Marshal(map[string]any{"items": items[:min(len(items), 100)]})
			if err := s.App.Proof.Record(t.Context(), id, data); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.App.Proof.RollupDue(t.Context()); err != nil {
		t.Fatal(err)
	}

	b := browsertest.New(t, 1400, 900)
	login(b, s.URL, "root")
	b.Do(
		chromedp.Navigate(s.URL+"/admin/screen-status"),
		browsertest.WaitReady(),
		browsertest.WaitText("h1", "屏幕状态"),
		browsertest.WaitJS(`document.querySelectorAll('#screens tr[data-state=flagged]').length === 2`),
		browsertest.WaitText(`[data-count=online] strong`, "1"),
		browsertest.WaitText(`[data-count=flagged] strong`, "2"),
		browsertest.WaitText(fmt.Sprintf(`tr[data-screen="%d"]`, east), "1天2小时"),
	)
	if got := b.Text(`tr[data-state=flagged]`); !strings.Contains(got, "⚠") {
		t.Errorf("a flagged row without its warning sign: %q", got)
	}
	b.Screenshot("admin-screen-status-zh")

	// The page refreshes by itself: the east screen moves to the next item.
	ec.send(push.TypeHeartbeat, "", map[string]any{"item": fmt.Sprintf("n%d", winter), "version": "b3f1c2d4e5", "resolution": "256x32",
		"client": "1.0.0", "uptime_s": 93814, "power": "on"})
	b.Do(browsertest.WaitText(fmt.Sprintf(`tr[data-screen="%d"]`, east), "关于调整办事大厅冬季作息时间的通知"))
	b.Do(chromedp.Click(chromedp.CSS("#lang")), browsertest.WaitText("h1", "Screen status"),
		browsertest.WaitText(`[data-count=flagged]`, "Offline alert"))
	b.Screenshot("admin-screen-status-en")
	b.Do(chromedp.Click(chromedp.CSS("#lang")), browsertest.WaitText("h1", "屏幕状态"))

	b.Do(
		chromedp.Navigate(s.URL+"/admin/proof"),
		browsertest.WaitReady(),
		browsertest.WaitText("h1", "播放统计"),
		browsertest.WaitText("#rows", "石桥镇集体土地征地补偿安置方案公告"),
		browsertest.WaitText("#rows", "实时"),
		browsertest.WaitText(`[data-count="proof.notices"] strong`, "2"),
	)
	// The default range is the week up to the server's today (not the
	// browser's: the fake clock is in another year than the machine's),
	// and today's live row is in it.
	day := today(s)
	if from, to := inputValue(b, "#from"), inputValue(b, "#to"); from != day.AddDays(-6).String() || to != day.String() {
		t.Errorf("default range %s to %s, want %s to %s", from, to, day.AddDays(-6), day)
	}
	b.Do(browsertest.WaitText(fmt.Sprintf(`#rows tr[data-day="%s"]`, day), "实时"))
	if href := browsertest.Eval[string](b, `document.querySelector('#xlsx').href`); !strings.Contains(href, "/api/admin/proof.xlsx?from="+day.AddDays(-6).String()+"&to="+day.String()) {
		t.Errorf("workbook link %q", href)
	}
	b.Screenshot("admin-proof-zh")
	b.NoErrors()
}
