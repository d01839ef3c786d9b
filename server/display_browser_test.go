package server_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

// displayHall sets up what the display tests play: a group, a playlist of
// short items (a notice, its 公示 countdown, the clock, a ticker, the
// statistics) scheduled for the group all day, and a published 公示
// (approval refuses unmasked personal numbers, R6). It returns the group and the notice.
func displayHall(t *testing.T, s *servertest.Server) (group, notice int64) {
	t.Helper()
	adm := screenAdmin(t, s)
	var g struct{ ID int64 }
	post(t, adm, "/api/admin/screen-groups", map[string]string{"name": "一楼大厅", "kind": "hall"}, http.StatusCreated).JSON(t, &g)
	three := 3
	var pl struct{ ID int64 }
	post(t, adm, "/api/admin/screens/playlists", map[string]any{"name": "工作日白天", "items": []map[string]any{
		{"type": "notices", "duration_s": 4}, {"type": "countdown", "duration_s": three}, {"type": "clock", "duration_s": three},
		{"type": "ticker", "text": "办事请取号排队，叫号后到对应窗口办理。周六上午正常办公。", "duration_s": three},
		{"type": "stats", "duration_s": three},
	}}, http.StatusCreated).JSON(t, &pl)
	post(t, adm, "/api/admin/screens/schedules", map[string]any{"playlist_id": pl.ID, "group_id": g.ID,
		"weekdays": []int{1, 2, 3, 4, 5, 6, 7}, "start": "00:00", "end": "24:00"}, http.StatusCreated)
	pub := newPublisher(t, s)
	notice = pub.publish(map[string]any{"title": "关于2026年城乡低保对象名单的公示", "kind": "publicity", "category_id": pub.category("SHJZ"),
		"all_screens": true, "duration": 4,
		"body": "经入户调查、民主评议，拟将以下12户家庭纳入城乡低保范围，现予以公示。\n\n户主张*，联系电话138****5678。公示期间如有异议，请向县民政局反映。"})
	return g.ID, notice
}

// rawPersonalData reports whether the page shows unmasked personal data.
const rawPersonalData = `document.body.textContent.includes('11010519491231002X') || document.body.textContent.includes('13812345678')`

// TestDisplayProfilesInBrowser pairs a screen of each profile through the
// admin API and watches it rotate through every kind of item, saving a
// screenshot of each, and checks what makes it legible: the strip's exact
// pixels and glyph rows, large type on big screens, masked text.
func TestDisplayProfilesInBrowser(t *testing.T) {
	s := servertest.Start(t)
	group, notice := displayHall(t, s)
	keys := []string{fmt.Sprintf("n%d", notice), fmt.Sprintf("w-countdown-%d", notice), "w-clock", "w-ticker-4", "w-stats"} // a ticker is keyed by its position
	// The screens show the server's date (the fake clock is in another year
	// than the machine's) and count the 公示 period from it.
	day := today(s)
	cdate := fmt.Sprintf("%d年%d月%d日", day.Year, day.Month, day.Day)
	end := periodEnd(t, s, day, 7, calendar.UnitWorkdays)
	for _, name := range []string{"strip256", "strip384", "wall", "land", "portrait"} {
		t.Run(name, func(t *testing.T) {
			p := screenProfiles[name]
			b := displayBrowser(t, s, "一楼大厅东侧"+name, p, []int64{group})
			for i, key := range keys {
				// The clock shows the server's date (except on a one-line
				// strip: the time only), the countdown the period's end.
				want := ""
				if key == "w-clock" && name != "strip256" {
					want = cdate
				} else if key == keys[1] {
					want = end.String()
				}
				b.Do(browsertest.WaitJS(fmt.Sprintf(`document.body.dataset.item === %q && document.querySelector('#stage').textContent.includes(%q)`, key, want)))
				b.Screenshot(fmt.Sprintf("display-%s-%s", name, []string{"notice", "countdown", "clock", "ticker", "stats"}[i]))
				if key == "w-stats" && !browsertest.Eval[bool](b, `document.querySelector('#stage').textContent.includes('今日评价')`) {
					t.Errorf("the stats widget shows no figures: %q", b.Text("#stage"))
				}
				if browsertest.Eval[bool](b, rawPersonalData) {
					t.Fatalf("%s shows unmasked personal data", key)
				}
			}
			// The notice again: the rotation goes round.
			b.Do(browsertest.WaitJS(`document.body.dataset.item === '` + keys[0] + `' && Number(document.body.dataset.seq) > 5`))
			checkLegible(t, b, p)
			b.NoErrors()
		})
	}
}

// checkLegible checks the sizes that make a profile readable from afar.
func checkLegible(t *testing.T, b *browsertest.Browser, p map[string]any) {
	t.Helper()
	switch p["kind"] {
	case "led_strip":
		got := browsertest.Eval[map[string]any](b, `(() => {
			const st = document.querySelector('#stage').getBoundingClientRect();
			const lines = [...document.querySelectorAll('#stage .sline')];
			return {w: st.width, h: st.height, lines: lines.length, font: Math.min(...lines.map((l) => parseFloat(getComputedStyle(l).fontSize))),
				color: getComputedStyle(lines[0]).color, bg: getComputedStyle(document.querySelector('#stage')).backgroundColor};
		})()`)
		lines := 1
		if p["lines"] == 2 {
			lines = 2
		}
		if got["w"] != float64(p["width"].(int)) || got["h"] != float64(p["height"].(int)) || got["lines"] != float64(lines) ||
			got["font"].(float64) < 16 || got["color"] != "rgb(255, 0, 0)" || got["bg"] != "rgb(0, 0, 0)" {
			t.Errorf("strip %v: %v", p, got)
		}
	default:
		got := browsertest.Eval[map[string]float64](b, `(() => {
			const px = (sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize);
			return {title: px('.slot .title'), body: px('.slot .body'), h: innerHeight};
		})()`)
		min := 48.0 // 1080 px screens: titles of at least 48 px, text of at least 40 px
		if p["kind"] == "led_wall" {
			min = 40
		}
		if got["title"] < min || got["body"] < min*0.8 {
			t.Errorf("%v: type too small: %v", p["kind"], got)
		}
	}
}
