package server_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

func TestAdminLoginDashboardAndUsersInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	b := browsertest.New(t, 1366, 900)

	b.Do(
		chromedp.Navigate(s.URL+"/admin/"),
		// Not logged in: the shell sends the browser to the login page.
		chromedp.WaitVisible(chromedp.CSS("#login")),
		browsertest.WaitReady(),
		browsertest.WaitText("h1", "政务公开管理登录"),
	)
	b.Screenshot("admin-login-zh")
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#username"), "root"),
		chromedp.SendKeys(chromedp.CSS("#password"), "wrong password!"),
		chromedp.Click(chromedp.CSS("#submit")),
		browsertest.WaitText("#error", "用户名或密码错误"),
	)
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#password"), "root-password-1"),
		chromedp.Click(chromedp.CSS("#submit")),
		browsertest.WaitText("h1", "工作台"),
		browsertest.WaitText("#sections", "用户管理"),
		browsertest.WaitText("#who", "管理员"),
	)
	b.Screenshot("admin-dashboard-zh")

	// The English switch translates the shell.
	b.Do(
		chromedp.Click(chromedp.CSS("#lang")),
		browsertest.WaitText("h1", "Dashboard"),
	)
	b.Screenshot("admin-dashboard-en")
	b.Do(chromedp.Click(chromedp.CSS("#lang")), browsertest.WaitText("h1", "工作台"))

	// Create an editor from the users page; the generated password shows once.
	b.Do(
		chromedp.Navigate(s.URL+"/admin/users"),
		browsertest.WaitReady(),
		browsertest.WaitText("#users", "root"),
		chromedp.SendKeys(chromedp.CSS("#username"), "zhangsan"),
		chromedp.SendKeys(chromedp.CSS("#display_name"), "张三"),
		chromedp.Click(chromedp.CSS("#create button[type=submit]")),
		browsertest.WaitText("#users", "zhangsan"),
		browsertest.WaitJS(`document.querySelector('#secret-value').textContent.length === 16`),
	)
	b.Screenshot("admin-users-zh")
	// A second time with the same name: the error names the field.
	b.Do(
		chromedp.SendKeys(chromedp.CSS("#username"), "zhangsan"),
		chromedp.Click(chromedp.CSS("#create button[type=submit]")),
		browsertest.WaitText("#error", "用户名"),
	)
	if _, err := s.App.Auth.ByUsername(t.Context(), "zhangsan"); err != nil {
		t.Fatalf("user not created: %v", err)
	}
	// Logging out returns to the login page and the session is gone.
	b.Do(
		chromedp.Navigate(s.URL+"/admin/"),
		browsertest.WaitReady(),
		browsertest.WaitText("#who", "root"),
		chromedp.Click(chromedp.CSS("#logout")),
		chromedp.WaitVisible(chromedp.CSS("#login")),
	)
	b.NoErrors("401", "409", "the server responded with a status")
}
