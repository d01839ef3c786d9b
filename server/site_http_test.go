package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestSitePagesWithoutJavaScript fetches the public web edition as a
// browser without JavaScript (plain GET, and POST of forms) on both
// databases: home, catalogue, a category, a long notice with a table, the
// search for 低保, the guides; the 依申请公开 form submitted and its
// tracking number looked up; and that nothing unpublished is reachable.
func TestSitePagesWithoutJavaScript(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		sm := sampleContent(t, s)
		board := publishBoardNotice(t, sm.p)
		waitIndexed(t, s, 6)
		c := s.Client(t)

		home := getPage(t, c, "/gk/", http.StatusOK)
		contains(t, "home", home, `<html lang="zh-CN">`, `<title>政务公开</title>`, `<meta name="description"`, `<link rel="canonical" href="`+s.URL+`/gk/">`,
			`href="#main"`, "正在公示", boardTitle, "关于2026年城乡低保对象名单的公示", "剩余")
		cat := getPage(t, c, "/gk/catalogue", http.StatusOK)
		contains(t, "catalogue", cat, "信息公开目录", "社会救助", "/gk/c/"+itoa(sm.social))
		list := getPage(t, c, "/gk/c/"+itoa(sm.social), http.StatusOK)
		contains(t, "category", list, "社会救助", boardTitle, "关于2026年城乡低保对象名单的公示", "/gk/feed.atom?category="+itoa(sm.social))

		page := getPage(t, c, "/gk/n/"+itoa(board), http.StatusOK)
		contains(t, "notice", page, "<title>"+boardTitle+" - 政务公开</title>", "县民政局", "公示期："+zhSpan(today(s), periodEnd(t, s, today(s), 7, calendar.UnitWorkdays)),
			`class="table-wrap"`, "<table>", "吴*", "东岭村", "0755-12345678", `src="/gk/qr/`+itoa(board)+`.svg"`, `alt="本页二维码`,
			"/gk/n/"+itoa(board)+"/print?size=a3", `<link rel="canonical" href="`+s.URL+`/gk/n/`+itoa(board)+`">`)
		for _, r := range boardRows {
			contains(t, "notice row", page, "<td>"+r[1]+"</td>")
		}
		lowbao := getPage(t, c, "/gk/n/"+itoa(sm.lowbao), http.StatusOK)
		contains(t, "attachment", lowbao, `href="/files/`, "低保对象名单.png", `alt="附件图片：低保对象名单.png"`)
		guide := getPage(t, c, "/gk/n/"+itoa(sm.guide), http.StatusOK)
		contains(t, "guide", guide, "申请材料", "家庭收入证明", "县政务服务中心一楼 12 号窗口")
		contains(t, "guides", getPage(t, c, "/gk/guides", http.StatusOK), "城乡最低生活保障申请办事指南")
		policy := getPage(t, c, "/gk/n/"+itoa(sm.policy), http.StatusOK)
		contains(t, "policy", policy, "政策解读", "一图读懂：城乡低保认定新规")

		found := getPage(t, c, "/gk/search?q="+url.QueryEscape("低保"), http.StatusOK)
		contains(t, "search", found, "<mark>低保</mark>", "/gk/n/"+itoa(board), `<meta name="robots" content="noindex">`)
		if res := c.Do("GET", "/gk/search?q="+strings.Repeat("低", 101), nil); res.Status != http.StatusBadRequest {
			t.Errorf("a long query: %d", res.Status)
		}

		// 依申请公开 online: the kiosk's form and rules, received today.
		no := applyOnline(t, s, c)
		var channel string
		if err := s.App.DB.Get(t.Context(), &channel, "SELECT channel FROM disclosure_requests WHERE tracking_no = ?", no); err != nil || channel != "online" {
			t.Fatalf("channel of %s: %q %v", no, channel, err)
		}
		tok := formToken(t, c, "/gk/status")
		s.Clock.Advance(4 * time.Second)
		st := postForm(t, s, c, "/gk/status", url.Values{"token": {tok}, "what": {"disclosure"}, "tracking_no": {no}, "key": {"5678"}})
		if st.Status != http.StatusOK {
			t.Fatalf("look-up: %d %s", st.Status, st.Body)
		}
		contains(t, "look-up", string(st.Body), no, "办理中", zhDate(today(s)), zhDate(periodEnd(t, s, today(s), 20, calendar.UnitWorkdays))+"前")
		miss := postForm(t, s, c, "/gk/status", url.Values{"token": {tok}, "what": {"disclosure"}, "tracking_no": {no}, "key": {"0000"}})
		if miss.Status != http.StatusNotFound || strings.Contains(string(miss.Body), "办理中") {
			t.Fatalf("wrong digits: %d", miss.Status)
		}
		// The misses count with the kiosks' (per tracking number): the
		// fifth locks the look-ups of that number, even with the right digits.
		for i := 2; i <= 5; i++ {
			s.Clock.Advance(time.Second)
			postForm(t, s, c, "/gk/status", url.Values{"token": {tok}, "what": {"disclosure"}, "tracking_no": {no}, "key": {"0000"}})
		}
		s.Clock.Advance(time.Second)
		if locked := postForm(t, s, c, "/gk/status", url.Values{"token": {tok}, "what": {"disclosure"}, "tracking_no": {no}, "key": {"5678"}}); locked.Status != http.StatusTooManyRequests {
			t.Fatalf("after five misses: %d", locked.Status)
		}

		// Nothing unpublished by guessing: a draft, a number that does not
		// exist, and a notice once withdrawn.
		draft := sm.p.write(map[string]any{"title": "尚未审核的草稿", "kind": "notification", "category_id": sm.social, "body": "草稿正文"})
		for _, path := range []string{"/gk/n/" + itoa(draft), "/gk/qr/" + itoa(draft) + ".svg", "/gk/n/" + itoa(draft) + "/print", "/gk/n/999999", "/gk/c/999999", "/gk/nothing/here"} {
			res := c.Do("GET", path, nil)
			if res.Status != http.StatusNotFound || strings.Contains(string(res.Body), "草稿") || !strings.Contains(string(res.Body), "页面不存在") {
				t.Errorf("%s: %d %.200s", path, res.Status, res.Body)
			}
		}
		s.User(t, "site.root", "admin")
		root := s.Login(t, "site.root", "site.root-password-1")
		getPage(t, c, "/gk/n/"+itoa(sm.zhengdi), http.StatusOK)
		post(t, root, "/api/admin/notices/"+itoa(sm.zhengdi)+"/withdraw", map[string]string{"reason": "方案调整"}, http.StatusOK)
		waitGone(t, c, "/gk/n/"+itoa(sm.zhengdi))
		waitIndexed(t, s, 5)
		if strings.Contains(getPage(t, c, "/gk/", http.StatusOK), "石桥镇集体土地征地补偿安置方案公告") {
			t.Error("the home page still lists the withdrawn notice")
		}

		// Caching: pages carry an ETag and answer 304; forms are no-store.
		res := c.Do("GET", "/gk/n/"+itoa(board), nil)
		etag := res.Header.Get("ETag")
		if etag == "" || !strings.Contains(res.Header.Get("Cache-Control"), "public") {
			t.Fatalf("notice headers: %v", res.Header)
		}
		req, _ := http.NewRequest("GET", s.URL+"/gk/n/"+itoa(board), nil)
		req.Header.Set("If-None-Match", etag)
		if res := c.Send(req); res.Status != http.StatusNotModified {
			t.Errorf("If-None-Match: %d", res.Status)
		}
		if res := c.Do("GET", "/gk/apply", nil); res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("form cache: %q", res.Header.Get("Cache-Control"))
		}
		sitemap := getPage(t, c, "/gk/sitemap.xml", http.StatusOK)
		contains(t, "sitemap", sitemap, "<loc>"+s.URL+"/gk/n/"+itoa(board)+"</loc>", "<loc>"+s.URL+"/gk/catalogue</loc>")
		if strings.Contains(sitemap, "/gk/n/"+itoa(sm.zhengdi)+"<") || strings.Contains(sitemap, "/gk/n/"+itoa(draft)+"<") {
			t.Error("the sitemap lists a notice that is not public")
		}
		contains(t, "robots", getPage(t, c, "/robots.txt", http.StatusOK), "Sitemap: "+s.URL+"/gk/sitemap.xml", "Disallow: /admin")
	})
}

var trackingPattern = regexp.MustCompile(`id="tracking-no">(\d{12})<`)

// applyOnline fills in the 依申请公开 form the way a person does (it waits
// before sending) and returns the tracking number on its receipt.
func applyOnline(t *testing.T, s *servertest.Server, c *servertest.Client) string {
	t.Helper()
	tok := formToken(t, c, "/gk/apply")
	form := url.Values{"token": {tok}, "applicant_type": {"person"}, "name": {"王小明"}, "id_type": {"resident_id"},
		"id_number": {"11010519491231002X"}, "phone": {"13912345678"}, "description": {"2026年城乡低保资金发放明细"},
		"form": {"electronic"}, "delivery": {"pickup"}}
	// Sent at once: a script's speed; the form comes back with the values.
	fast := postForm(t, s, c, "/gk/apply", form)
	if fast.Status != http.StatusOK || !strings.Contains(string(fast.Body), "提交得太快了") || !strings.Contains(string(fast.Body), "2026年城乡低保资金发放明细") {
		t.Fatalf("fast post: %d %s", fast.Status, fast.Body)
	}
	s.Clock.Advance(5 * time.Second)
	// The honeypot filled in: refused.
	bot := url.Values{}
	for k, v := range form {
		bot[k] = v
	}
	bot.Set("homepage", "http://spam.example")
	if res := postForm(t, s, c, "/gk/apply", bot); res.Status != http.StatusBadRequest {
		t.Fatalf("honeypot: %d", res.Status)
	}
	res := postForm(t, s, c, "/gk/apply", form)
	if res.Status != http.StatusSeeOther || res.Header.Get("Location") != "/gk/apply/done" {
		t.Fatalf("apply: %d %s", res.Status, res.Body)
	}
	// The same form again: one token, one application.
	if again := postForm(t, s, c, "/gk/apply", form); again.Status != http.StatusBadRequest {
		t.Fatalf("replay: %d", again.Status)
	}
	done := getPage(t, c, "/gk/apply/done", http.StatusOK)
	m := trackingPattern.FindStringSubmatch(done)
	if m == nil {
		t.Fatalf("no tracking number on the receipt: %s", done)
	}
	contains(t, "receipt", done, "王*", "139****5678", zhDate(today(s)), zhDate(periodEnd(t, s, today(s), 20, calendar.UnitWorkdays))+"前")
	if strings.Contains(done, "13912345678") || strings.Contains(done, "11010519491231002X") {
		t.Fatal("the receipt shows personal numbers")
	}
	return m[1]
}
