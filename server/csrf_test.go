package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
)

// tossedPost is what a page on a sibling subdomain makes a logged-in
// admin's browser send after planting its own hallcast_csrf cookie (cookie
// tossing): a plain HTML form post with the same value in a _csrf field.
// The browser adds the admin's session cookie and says same-site.
func tossedPost(t *testing.T, s *servertest.Server, victim *servertest.Client, path string) *servertest.Response {
	t.Helper()
	u, _ := url.Parse(s.URL)
	const planted = "attacker-chosen-token-0123456789"
	victim.HTTP.Jar.SetCookies(u, []*http.Cookie{{Name: "hallcast_csrf", Value: planted, Path: "/"}})
	req, _ := http.NewRequest(http.MethodPost, s.URL+path, strings.NewReader("_csrf="+planted))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-site")
	req.Header.Set("Sec-Fetch-Mode", "navigate")
	req.Header.Set("Origin", "http://evil.hall.example.gov.cn")
	return victim.Send(req)
}

func wantCSRF(t *testing.T, what string, res *servertest.Response) {
	t.Helper()
	if code, _ := res.ErrorCode(); res.Status != http.StatusForbidden || code != "csrf" {
		t.Errorf("%s: %d %s, want 403 csrf", what, res.Status, res.Body)
	}
}

// Issue 15, point 6: a form post from a sibling subdomain with a planted
// hallcast_csrf cookie and a matching _csrf field cleared a live
// emergency, unlocked a kiosk and submitted a notice. Each is refused now
// and nothing changes.
func TestCSRFCookieTossingFromASiblingIsRefused(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	adm := s.Login(t, "root", "root-password-1")

	// A live emergency.
	emScreen(t, s.App, "大厅东侧条屏")
	res := adm.Do("POST", "/api/admin/emergencies", map[string]any{"text": "大厅发生火警，请从东侧出口有序撤离", "level": "critical",
		"all": true, "expires_at": s.Clock.Now().Add(time.Hour)})
	if res.Status != http.StatusCreated {
		t.Fatalf("send: %d %s", res.Status, res.Body)
	}
	var em struct{ ID int64 }
	res.JSON(t, &em)

	// A kiosk locked after wrong archive look-ups.
	setProtection(t, adm, func(p *archive.Protection) {
		p.KioskBurst, p.AddressBurst, p.SlowAfter, p.LockAfter = 1000, 1000, 0, 3
	})
	ds, people := archiveForKiosk(t, s, adm)
	wrong := people[0].Keys()
	wrong["card_last4"] = "0000"
	anon := s.Client(t)
	for i := 0; i < 3; i++ {
		kioskLookup(t, s, anon, "lobby-1", ds.ID, wrong)
	}
	kiosk := kioskDeviceID(t, s, "lobby-1")
	locked := func() bool {
		var ks struct{ Kiosks []archive.KioskStatus }
		adm.Do("GET", "/api/admin/archive/kiosks", nil).JSON(t, &ks)
		for _, k := range ks.Kiosks {
			if k.Kiosk == kiosk {
				return k.Locked
			}
		}
		return false
	}
	if !locked() {
		t.Fatal("the kiosk is not locked after 3 misses")
	}

	// A draft notice.
	h := &hall{s: s, editor: adm, admin: adm}
	n := h.create(t, adm, map[string]any{"title": "关于调整办事大厅午间服务时间的通知", "body": "自12月1日起午间不休。",
		"kind": "notification", "category_id": h.categoryID(t, "TZGG")})

	wantCSRF(t, "clear the emergency", tossedPost(t, s, adm, fmt.Sprintf("/api/admin/emergencies/%d/clear", em.ID)))
	wantCSRF(t, "unlock the kiosk", tossedPost(t, s, adm, "/api/admin/archive/kiosks/"+kiosk+"/unlock"))
	wantCSRF(t, "submit the notice", tossedPost(t, s, adm, fmt.Sprintf("/api/admin/notices/%d/submit", n.Notice.ID)))

	// The admin's own requests still work (the planted cookie is replaced
	// by the session's token on the next page load).
	adm.Do("GET", "/api/admin/me", nil)
	var got struct{ Active bool }
	adm.Do("GET", fmt.Sprintf("/api/admin/emergencies/%d", em.ID), nil).JSON(t, &got)
	if !got.Active {
		t.Error("the emergency was cleared")
	}
	if !locked() {
		t.Error("the kiosk was unlocked")
	}
	var d detail
	adm.Do("GET", fmt.Sprintf("/api/admin/notices/%d", n.Notice.ID), nil).JSON(t, &d)
	if d.Current.Status != "draft" {
		t.Errorf("the notice is %s, want draft", d.Current.Status)
	}
	post(t, adm, fmt.Sprintf("/api/admin/notices/%d/submit", n.Notice.ID), nil, http.StatusOK)
}

// The token is bound to the session: a valid token of another session (the
// attacker's own login) is refused, and same-site is never enough, even
// with the right token; same-origin and trusted origins pass.
func TestCSRFTokenIsBoundToTheSession(t *testing.T) {
	s := servertest.Start(t, func(cfg *config.Config, o *server.Options) {
		cfg.AllowedOrigins = []string{"https://portal.hall.example.gov.cn"}
	})
	s.User(t, "root", auth.RoleAdmin)
	s.User(t, "mallory", auth.RoleEditor)
	adm := s.Login(t, "root", "root-password-1")
	mallory := s.Login(t, "mallory", "mallory-password-1")
	u, _ := url.Parse(s.URL)
	token := func(c *servertest.Client) string {
		for _, ck := range c.HTTP.Jar.Cookies(u) {
			if ck.Name == "hallcast_csrf" {
				return ck.Value
			}
		}
		t.Fatal("no CSRF cookie")
		return ""
	}
	send := func(tok, site, origin string) *servertest.Response {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/api/admin/users", strings.NewReader(`{"username":"x`+fmt.Sprint(time.Now().UnixNano()%1e6)+`","role":"editor"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(auth.CSRFHeader, tok)
		if site != "" {
			req.Header.Set("Sec-Fetch-Site", site)
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		return adm.Send(req)
	}
	own, theirs := token(adm), token(mallory)
	if own == theirs || strings.HasPrefix(own, "anon.") {
		t.Fatalf("tokens: %q %q", own, theirs)
	}
	// Mallory plants her own (valid) token in the admin's browser.
	adm.HTTP.Jar.SetCookies(u, []*http.Cookie{{Name: "hallcast_csrf", Value: theirs, Path: "/"}})
	wantCSRF(t, "another session's token", send(theirs, "", ""))
	wantCSRF(t, "no token", send("", "same-origin", ""))
	wantCSRF(t, "same-site with the right token", send(own, "same-site", "http://evil.hall.example.gov.cn"))
	wantCSRF(t, "cross-site with the right token", send(own, "cross-site", "https://evil.example"))
	wantCSRF(t, "a typed URL (none)", send(own, "none", ""))
	for _, c := range []struct{ site, origin string }{{"", ""}, {"same-origin", s.URL}, {"same-site", "https://portal.hall.example.gov.cn"}} {
		if res := send(own, c.site, c.origin); res.Status != http.StatusCreated {
			t.Errorf("%s %s: %d %s", c.site, c.origin, res.Status, res.Body)
		}
	}
	// After logging out the old token is dead too.
	post(t, adm, "/api/admin/logout", nil, http.StatusNoContent)
	if tok := token(adm); tok == own || !strings.HasPrefix(tok, "anon.") {
		t.Fatalf("token after logout: %q", tok)
	}
}

// Under HTTPS (a https:// base URL or TLS) both cookies carry the __Host-
// prefix: Secure, Path=/, no Domain, so a sibling subdomain cannot plant
// them.
func TestCookiesAreHostPrefixedUnderHTTPS(t *testing.T) {
	s := servertest.Start(t, func(cfg *config.Config, o *server.Options) { cfg.BaseURL = "https://hall.example.gov.cn" })
	s.User(t, "root", auth.RoleAdmin)
	res, err := http.Get(s.URL + "/admin/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var anonTok string
	for _, ck := range res.Cookies() {
		if ck.Name == "__Host-hallcast_csrf" {
			anonTok = ck.Value
		}
	}
	if anonTok == "" {
		t.Fatalf("no __Host-hallcast_csrf cookie: %v", res.Header["Set-Cookie"])
	}
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/api/admin/login", strings.NewReader(`{"username":"root","password":"root-password-1"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(auth.CSRFHeader, anonTok)
	req.AddCookie(&http.Cookie{Name: "__Host-hallcast_csrf", Value: anonTok})
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("login: %d", res.StatusCode)
	}
	names := map[string]bool{}
	for _, line := range res.Header["Set-Cookie"] {
		name := line[:strings.Index(line, "=")]
		names[name] = true
		l := strings.ToLower(line)
		if !strings.HasPrefix(name, "__Host-") || !strings.Contains(l, "; secure") || !strings.Contains(l, "; path=/") || strings.Contains(l, "domain=") {
			t.Errorf("cookie %s", line)
		}
	}
	if !names["__Host-hallcast_session"] || !names["__Host-hallcast_csrf"] {
		t.Errorf("cookies set at login: %v", res.Header["Set-Cookie"])
	}
}
