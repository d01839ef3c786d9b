package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

const portalRSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>门户</title>
<item><guid>n1</guid><title>关于调整办事大厅冬季作息时间的通知</title><link>https://gov.example/n1</link>
<description>自12月1日起，上午9:00至下午5:00。</description></item></channel></rss>`

// A feed item becomes one notice in review, however often it is fetched;
// a trusted source publishes directly, approved in the trusting admin's name.
func TestFeedItemsBecomeNotices(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, portalRSS) }))
		defer feedSrv.Close()
		s := servertest.Start(t, servertest.WithDialect(d))
		s.User(t, "root", auth.RoleAdmin)
		c := s.Login(t, "root", "root-password-1")
		cats, err := s.App.Catalogue.List(t.Context())
		if err != nil || len(cats) == 0 {
			t.Fatal(cats, err)
		}
		var src struct{ ID int64 }
		res := c.Do("POST", "/api/admin/feeds", map[string]any{"name": "区门户", "url": feedSrv.URL, "spec": "@hourly",
			"category_id": cats[0].ID, "kind": "news", "enabled": true})
		if res.Status != http.StatusCreated {
			t.Fatalf("create source: %d %s", res.Status, res.Body)
		}
		res.JSON(t, &src)
		for i := 0; i < 2; i++ {
			if res := c.Do("POST", "/api/admin/feeds/"+itoa(src.ID)+"/check", nil); res.Status != http.StatusOK {
				t.Fatalf("check: %d %s", res.Status, res.Body)
			}
		}
		rows, total, err := s.App.Notices.List(t.Context(), notice.ListFilter{})
		if err != nil || total != 1 || rows[0].Status != notice.StatusSubmitted {
			t.Fatalf("notices after two checks: %d %+v %v", total, rows, err)
		}

		// A trusted source: published at once, reviewed by root, written by system-feed.
		res = c.Do("POST", "/api/admin/feeds", map[string]any{"name": "可信门户", "url": feedSrv.URL + "/trusted", "spec": "@hourly",
			"category_id": cats[0].ID, "kind": "news", "trusted": true, "enabled": true})
		res.JSON(t, &src)
		c.Do("POST", "/api/admin/feeds/"+itoa(src.ID)+"/check", nil)
		pub, err := s.App.Notices.Published(t.Context(), notice.PublicFilter{})
		if err != nil || len(pub) != 1 || pub[0].Title != "关于调整办事大厅冬季作息时间的通知" {
			t.Fatalf("published: %+v %v", pub, err)
		}
		// Bad input names the field.
		res = c.Do("POST", "/api/admin/feeds", map[string]any{"name": "x", "url": feedSrv.URL, "spec": "@hourly", "category_id": 99999, "enabled": true})
		if _, field := res.ErrorCode(); res.Status != 400 || field != "category_id" {
			t.Fatalf("unknown category: %d %s", res.Status, res.Body)
		}
	})
}

// Admin A trusts a feed; admin B changes its URL (the form sends the
// source back as it was, trusted included): the source is no longer
// trusted, the change is audited, and the next item, from the new URL, is
// a notice waiting for review, not published as approved by A (issue 15,
// point 7).
func TestFeedTrustDroppedWhenAnotherAdminChangesTheURL(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		const otherRSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>别处</title>
<item><guid>x1</guid><title>关于领取补贴的紧急通知</title><link>https://evil.example/x1</link>
<description>请点击链接填写银行卡号。</description></item></channel></rss>`
		feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/other" {
				fmt.Fprint(w, otherRSS)
				return
			}
			fmt.Fprint(w, portalRSS)
		}))
		defer feedSrv.Close()
		s := servertest.Start(t, servertest.WithDialect(d))
		s.User(t, "admin-a", auth.RoleAdmin)
		s.User(t, "admin-b", auth.RoleAdmin)
		a, b := s.Login(t, "admin-a", "admin-a-password-1"), s.Login(t, "admin-b", "admin-b-password-1")
		cats, err := s.App.Catalogue.List(t.Context())
		if err != nil || len(cats) == 0 {
			t.Fatal(cats, err)
		}
		body := map[string]any{"name": "可信门户", "url": feedSrv.URL + "/portal", "spec": "@hourly", "category_id": cats[0].ID,
			"kind": "news", "trusted": true, "enabled": true}
		var src struct {
			ID      int64
			Trusted bool
		}
		res := a.Do("POST", "/api/admin/feeds", body)
		if res.Status != http.StatusCreated {
			t.Fatalf("create: %d %s", res.Status, res.Body)
		}
		res.JSON(t, &src)
		a.Do("POST", "/api/admin/feeds/"+itoa(src.ID)+"/check", nil)
		if pub, err := s.App.Notices.Published(t.Context(), notice.PublicFilter{}); err != nil || len(pub) != 1 {
			t.Fatalf("A's trusted item: %+v %v", pub, err)
		}

		body["url"] = feedSrv.URL + "/other"
		res = b.Do("PUT", "/api/admin/feeds/"+itoa(src.ID), body)
		if res.Status != http.StatusOK {
			t.Fatalf("B's update: %d %s", res.Status, res.Body)
		}
		res.JSON(t, &src)
		if src.Trusted {
			t.Fatal("the source is still trusted after B changed its URL")
		}
		if res := b.Do("POST", "/api/admin/feeds/"+itoa(src.ID)+"/check", nil); res.Status != http.StatusOK {
			t.Fatalf("check: %d %s", res.Status, res.Body)
		}
		pub, err := s.App.Notices.Published(t.Context(), notice.PublicFilter{})
		if err != nil || len(pub) != 1 || pub[0].Title == "关于领取补贴的紧急通知" {
			t.Fatalf("published after B's change: %+v %v", pub, err)
		}
		rows, _, err := s.App.Notices.List(t.Context(), notice.ListFilter{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			if r.Title == "关于领取补贴的紧急通知" {
				found = true
				if r.Status != notice.StatusSubmitted {
					t.Fatalf("the item from the new URL is %s, want submitted for review", r.Status)
				}
			}
		}
		if !found {
			t.Fatalf("no notice from the new URL: %+v", rows)
		}
		var audit struct {
			Entries []struct {
				ActorName string `json:"actor_name"`
				Action    string
			}
		}
		a.Do("GET", "/api/admin/audit?action=feed.untrust", nil).JSON(t, &audit)
		if len(audit.Entries) != 1 || audit.Entries[0].ActorName != "admin-b" {
			t.Fatalf("untrust audit: %+v", audit)
		}
	})
}

func TestFeedsPageInBrowser(t *testing.T) {
	feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/broken" {
			http.Error(w, "down", 500)
			return
		}
		fmt.Fprint(w, portalRSS)
	}))
	defer feedSrv.Close()
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	b := browsertest.New(t, 1366, 900)
	b.Do(
		chromedp.Navigate(s.URL+"/admin/login"), browsertest.WaitReady(),
		chromedp.SendKeys(chromedp.CSS("#username"), "root"),
		chromedp.SendKeys(chromedp.CSS("#password"), "root-password-1"),
		chromedp.Click(chromedp.CSS("#submit")),
		browsertest.WaitText("h1", "工作台"),
		chromedp.Navigate(s.URL+"/admin/feeds"), browsertest.WaitReady(),
		chromedp.Click(chromedp.CSS("#form button[type=submit]")),
		browsertest.WaitText("#error", "名称"),
	)
	for _, f := range []struct{ name, path string }{{"坏的信息源", "/broken"}, {"区政府门户", "/rss"}} {
		b.Do(
			chromedp.SendKeys(chromedp.CSS("#name"), f.name),
			chromedp.SendKeys(chromedp.CSS("#url"), feedSrv.URL+f.path),
			chromedp.Click(chromedp.CSS("#form button[type=submit]")),
			browsertest.WaitText("#sources", f.name),
		)
	}
	b.Do(
		// Clicked from the page itself: a finished check re-renders the
		// table, so a node looked up beforehand may be gone by the click.
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#sources tr:nth-child(1) td:last-child button:nth-child(2)').click()`),
		browsertest.WaitJS(`document.querySelectorAll('#sources tr').length === 2`),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#sources tr:nth-child(2) td:last-child button:nth-child(2)').click()`),
		browsertest.WaitText("#sources", "HTTP 500"),
		browsertest.WaitJS(`[...document.querySelectorAll('#sources tr')].some((r) => r.textContent.includes('区政府门户') && r.textContent.includes('✓'))`),
	)
	b.Screenshot("admin-feeds")
	// Trusted, then its URL changed: the page says the trust is gone.
	editFirst := chromedp.Evaluate[chromedp.Void](`document.querySelector('#sources tr:nth-child(1) td:last-child button:nth-child(1)').click()`)
	b.Do(
		editFirst, browsertest.WaitJS(`document.querySelector('#id').value !== ''`),
		chromedp.Click(chromedp.CSS("#trusted")),
		chromedp.Click(chromedp.CSS("#form button[type=submit]")),
		browsertest.WaitText("#sources tr:nth-child(1)", "可信"),
		editFirst, browsertest.WaitJS(`document.querySelector('#trusted').checked`),
		chromedp.SetValue(chromedp.CSS("#url"), feedSrv.URL+"/elsewhere"),
		chromedp.Click(chromedp.CSS("#form button[type=submit]")),
		browsertest.WaitText("#flash", "不再可信"),
		browsertest.WaitJS(`!document.querySelector('#sources tr:nth-child(1)').textContent.includes('可信')`),
	)
	b.Screenshot("admin-feeds-untrusted")
	b.NoErrors()
}
