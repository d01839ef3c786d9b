package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestSiteFeeds parses the RSS 2.0, Atom and JSON feeds with a feed
// reader library (gofeed): stable IDs (the notice's public URL), the full
// masked text, conditional GET, limits, per-category feeds, and a
// withdrawn notice leaving every feed.
func TestSiteFeeds(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		sm := sampleContent(t, s)
		masked := sm.p.write(map[string]any{"title": "困难群众临时救助情况公示", "kind": "publicity", "category_id": sm.social,
			"body": "经审核，同意给予户主李四临时救助，联系电话13812345678。"})
		post(t, sm.p.ed, "/api/admin/notices/"+itoa(masked)+"/submit", nil, http.StatusOK)
		post(t, sm.p.rita, "/api/admin/notices/"+itoa(masked)+"/approve", map[string]string{"reason": "同意公开", "override_reason": "电话脱敏后公开"}, http.StatusOK)
		waitIndexed(t, s, 6)
		c := s.Client(t)
		parser := gofeed.NewParser()
		read := func(path string) *gofeed.Feed {
			t.Helper()
			res := c.Do("GET", path, nil)
			if res.Status != http.StatusOK {
				t.Fatalf("GET %s: %d %s", path, res.Status, res.Body)
			}
			f, err := parser.ParseString(string(res.Body))
			if err != nil {
				t.Fatalf("parse %s: %v\n%s", path, err, res.Body)
			}
			return f
		}
		want := map[string]string{"rss": "rss", "atom": "atom", "json": "json"}
		for format, ft := range want {
			f := read("/gk/feed." + format)
			if f.FeedType != ft || len(f.Items) != 6 {
				t.Fatalf("%s: type %s, %d items", format, f.FeedType, len(f.Items))
			}
			var it *gofeed.Item
			for _, i := range f.Items {
				if i.Title == "困难群众临时救助情况公示" {
					it = i
				}
			}
			noticeURL := s.URL + "/gk/n/" + itoa(masked)
			if it == nil || it.GUID != noticeURL || it.Link != noticeURL {
				t.Fatalf("%s: item %+v", format, it)
			}
			if !strings.Contains(it.Content, "138****5678") || strings.Contains(it.Content, "13812345678") || !strings.Contains(it.Content, "公示期：") {
				t.Errorf("%s: content %q", format, it.Content)
			}
			lowbao := s.URL + "/gk/n/" + itoa(sm.lowbao)
			for _, i := range f.Items {
				if i.GUID == lowbao && !strings.Contains(i.Content, s.URL+"/files/") {
					t.Errorf("%s: the attachment's link is not absolute: %q", format, i.Content)
				}
			}
			cat := read("/gk/feed." + format + "?category=" + itoa(sm.social) + "&limit=1")
			if len(cat.Items) != 1 || cat.Items[0].Title != "困难群众临时救助情况公示" {
				t.Errorf("%s: category feed %+v", format, cat.Items)
			}
		}
		for _, bad := range []string{"/gk/feed.atom?limit=0", "/gk/feed.atom?limit=101", "/gk/feed.rss?category=x"} {
			if res := c.Do("GET", bad, nil); res.Status != http.StatusBadRequest {
				t.Errorf("%s: %d", bad, res.Status)
			}
		}
		if res := c.Do("GET", "/gk/feed.xml", nil); res.Status != http.StatusNotFound {
			t.Errorf("feed.xml: %d", res.Status)
		}

		// Conditional GET: by ETag and by Last-Modified.
		res := c.Do("GET", "/gk/feed.atom", nil)
		etag, modified := res.Header.Get("ETag"), res.Header.Get("Last-Modified")
		if etag == "" || modified == "" {
			t.Fatalf("feed headers: %v", res.Header)
		}
		cond := func(h, v string) int {
			req, _ := http.NewRequest("GET", s.URL+"/gk/feed.atom", nil)
			req.Header.Set(h, v)
			return c.Send(req).Status
		}
		if st := cond("If-None-Match", etag); st != http.StatusNotModified {
			t.Errorf("If-None-Match: %d", st)
		}
		if st := cond("If-Modified-Since", modified); st != http.StatusNotModified {
			t.Errorf("If-Modified-Since: %d", st)
		}

		// A withdrawn notice leaves every feed; the old validators no
		// longer match.
		s.Clock.Advance(time.Minute)
		s.User(t, "feed.root", "admin")
		root := s.Login(t, "feed.root", "feed.root-password-1")
		post(t, root, "/api/admin/notices/"+itoa(masked)+"/withdraw", map[string]string{"reason": "信息有误"}, http.StatusOK)
		waitIndexed(t, s, 5)
		waitGone(t, c, "/gk/n/"+itoa(masked))
		for format := range want {
			for _, it := range read("/gk/feed." + format).Items {
				if it.Title == "困难群众临时救助情况公示" {
					t.Errorf("%s: the withdrawn notice is still in the feed", format)
				}
			}
		}
		if st := cond("If-None-Match", etag); st != http.StatusOK {
			t.Errorf("If-None-Match after the withdrawal: %d", st)
		}
		if st := cond("If-Modified-Since", modified); st != http.StatusOK {
			t.Errorf("If-Modified-Since after the withdrawal: %d", st)
		}
	})
}

// TestSiteRatingAndSuggestionOnline rates once per form (the form's token
// is the rating's session), opens a follow-up for a bad rating, leaves a
// suggestion and looks up its reply; search is rate limited per address.
func TestSiteRatingAndSuggestionOnline(t *testing.T) {
	s := servertest.Start(t)
	c := s.Client(t)
	tok := formToken(t, c, "/gk/rate")
	s.Clock.Advance(4 * time.Second)
	rate := url.Values{"token": {tok}, "level": {"1"}, "service": {"综合窗口"}, "tags": {"等候时间长", "多次跑腿"}, "comment": {"排队太久"}}
	if res := postForm(t, s, c, "/gk/rate", rate); res.Status != http.StatusSeeOther {
		t.Fatalf("rate: %d %s", res.Status, res.Body)
	}
	contains(t, "rate receipt", getPage(t, c, "/gk/rate/done", http.StatusOK), "回访整改", zhDate(periodEnd(t, s, today(s), 5, calendar.UnitWorkdays)))
	if res := postForm(t, s, c, "/gk/rate", rate); res.Status != http.StatusBadRequest {
		t.Fatalf("the same form again: %d", res.Status)
	}
	var n int
	if err := s.App.DB.Get(t.Context(), &n, "SELECT COUNT(*) FROM ratings"); err != nil || n != 1 {
		t.Fatalf("ratings: %d %v", n, err)
	}
	// A form without a level comes back with the problem named.
	tok = formToken(t, c, "/gk/rate")
	s.Clock.Advance(4 * time.Second)
	if res := postForm(t, s, c, "/gk/rate", url.Values{"token": {tok}}); res.Status != http.StatusUnprocessableEntity || !strings.Contains(string(res.Body), "「评价」") {
		t.Fatalf("no level: %d %s", res.Status, res.Body)
	}

	tok = formToken(t, c, "/gk/suggest")
	s.Clock.Advance(4 * time.Second)
	if res := postForm(t, s, c, "/gk/suggest", url.Values{"token": {tok}, "category": {"suggestion"}, "body": {"希望周六也开放"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("suggest: %d %s", res.Status, res.Body)
	}
	done := getPage(t, c, "/gk/suggest/done", http.StatusOK)
	no, code := trackingPattern.FindStringSubmatch(done), regexpFind(`id="query-code">(\d{4})<`, done)
	if no == nil || code == "" {
		t.Fatalf("suggestion receipt: %s", done)
	}
	tok = formToken(t, c, "/gk/status")
	s.Clock.Advance(4 * time.Second)
	res := postForm(t, s, c, "/gk/status", url.Values{"token": {tok}, "what": {"suggestion"}, "tracking_no": {no[1]}, "key": {code}})
	if res.Status != http.StatusOK || !strings.Contains(string(res.Body), "意见箱留言办理进度") || strings.Contains(string(res.Body), "希望周六") {
		t.Fatalf("suggestion look-up: %d %s", res.Status, res.Body)
	}

	// Search: 60 a minute, bursts of 20, per address.
	limited := false
	for i := 0; i < 30 && !limited; i++ {
		res := c.Do("GET", "/gk/search?q="+url.QueryEscape("低保"), nil)
		limited = res.Status == http.StatusTooManyRequests && res.Header.Get("Retry-After") != "" && strings.Contains(string(res.Body), "请求过于频繁")
	}
	if !limited {
		t.Error("search is not rate limited")
	}
}
