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

// loginFrom logs in as username through the proxy, from the client address
// addr (X-Forwarded-For, which the server believes from loopback).
func loginFrom(t *testing.T, s *servertest.Server, addr, username, password string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/api/admin/login", strings.NewReader(`{"username":"`+username+`","password":"`+password+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", addr)
	c := s.Client(t)
	c.Do("GET", "/admin/login", nil) // the anonymous CSRF token
	for _, ck := range c.HTTP.Jar.Cookies(req.URL) {
		if ck.Name == "hallcast_csrf" {
			req.Header.Set(auth.CSRFHeader, ck.Value)
		}
	}
	return c.Send(req).Status
}

// Issue 15, point 9: five bad attempts locked the account for everyone.
// Over HTTP, an attacker's five wrong passwords from one address leave the
// owner able to log in from another, the users page shows the lock, an
// admin lifts it with its button, and the audit log has it.
func TestAdminUnlocksAnAccountOnTheUsersPage(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	s.User(t, "ed", auth.RoleEditor)
	const attacker, owner = "203.0.113.9", "10.20.0.15"
	for i := 0; i < 5; i++ {
		if st := loginFrom(t, s, attacker, "ed", "not-the-password"); st != http.StatusUnauthorized {
			t.Fatalf("guess %d: %d", i+1, st)
		}
	}
	if st := loginFrom(t, s, attacker, "ed", "ed-password-1"); st != http.StatusTooManyRequests {
		t.Fatalf("the attacker's address after 5 misses: %d, want 429", st)
	}
	if st := loginFrom(t, s, owner, "ed", "ed-password-1"); st != http.StatusOK {
		t.Fatalf("the owner from another address: %d", st)
	}

	b := browsertest.New(t, 1366, 900)
	b.Do(
		chromedp.Navigate(s.URL+"/admin/login"),
		browsertest.WaitReady(),
		chromedp.SendKeys(chromedp.CSS("#username"), "root"),
		chromedp.SendKeys(chromedp.CSS("#password"), "root-password-1"),
		chromedp.Click(chromedp.CSS("#submit")),
		browsertest.WaitText("h1", "工作台"),
		chromedp.Navigate(s.URL+"/admin/users"),
		browsertest.WaitReady(),
		browsertest.WaitText(`#users tr[data-user="ed"]`, "登录已锁定"),
	)
	b.Screenshot("admin-users-locked")
	b.Do(
		chromedp.Click(chromedp.CSS(`[data-unlock="ed"]`)),
		browsertest.WaitJS(`!document.querySelector('[data-unlock="ed"]') && !document.querySelector('#users tr[data-user="ed"]').textContent.includes('登录已锁定')`),
	)
	b.Screenshot("admin-users-unlocked")
	b.NoErrors()

	if st := loginFrom(t, s, attacker, "ed", "ed-password-1"); st != http.StatusOK {
		t.Fatalf("after the unlock: %d", st)
	}
	adm := s.Login(t, "root", "root-password-1")
	var out struct {
		Entries []struct {
			Action    string `json:"action"`
			ActorName string `json:"actor_name"`
		} `json:"entries"`
	}
	res := adm.Do("GET", "/api/admin/audit?action=user.unlock", nil)
	res.JSON(t, &out)
	if len(out.Entries) != 1 || out.Entries[0].ActorName != "root" {
		t.Fatalf("audit: %s", res.Body)
	}
}
