package server_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
)

func TestJobsAPI(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	c := s.Login(t, "root", "root-password-1")
	res := c.Do("POST", "/api/admin/jobs/check", map[string]string{"spec": "0 99 * * *"})
	if code, field := res.ErrorCode(); res.Status != 400 || field != "spec" || code != "invalid" || !strings.Contains(string(res.Body), "above maximum") {
		t.Fatalf("bad spec: %d %s", res.Status, res.Body)
	}
	var check struct {
		DescriptionZH string `json:"description_zh"`
		Next          []string
		Timezone      string
	}
	c.Do("POST", "/api/admin/jobs/check", map[string]string{"spec": "0 9 * * 1-5"}).JSON(t, &check)
	// The next run is the first 09:00 on a weekday after the server's now,
	// in the hall's zone.
	n := now(s)
	next := time.Date(n.Year(), n.Month(), n.Day(), 9, 0, 0, 0, n.Location())
	for !next.After(n) || next.Weekday() == time.Saturday || next.Weekday() == time.Sunday {
		next = next.AddDate(0, 0, 1)
	}
	if len(check.Next) != 5 || check.Next[0] != next.Format(time.RFC3339) || check.Timezone != "Asia/Shanghai" {
		t.Fatalf("check: %+v", check)
	}
	if res := c.Do("PUT", "/api/admin/jobs/auth.prune_sessions", map[string]any{"spec": "*/5 * * * *", "enabled": true}); res.Status != http.StatusNoContent {
		t.Fatalf("set: %d %s", res.Status, res.Body)
	}
	if res := c.Do("POST", "/api/admin/jobs/auth.prune_sessions/run", nil); res.Status != http.StatusAccepted {
		t.Fatalf("run: %d", res.Status)
	}
	for i := 0; ; i++ {
		var out struct {
			Runs []struct{ Status, Cause string }
		}
		c.Do("GET", "/api/admin/jobs/auth.prune_sessions/runs", nil).JSON(t, &out)
		if len(out.Runs) == 1 && out.Runs[0].Status == "ok" && out.Runs[0].Cause == "manual" {
			break
		}
		if i > 200 {
			t.Fatalf("no manual run recorded: %+v", out)
		}
		waitABit()
	}
	if res := c.Do("POST", "/api/admin/jobs/nope/run", nil); res.Status != http.StatusNotFound {
		t.Fatalf("unknown job: %d", res.Status)
	}
}

func TestJobsPageInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	b := browsertest.New(t, 1366, 1000)
	b.Do(
		chromedp.Navigate(s.URL+"/admin/login"), browsertest.WaitReady(),
		chromedp.SendKeys(chromedp.CSS("#username"), "root"),
		chromedp.SendKeys(chromedp.CSS("#password"), "root-password-1"),
		chromedp.Click(chromedp.CSS("#submit")),
		browsertest.WaitText("h1", "工作台"),
		chromedp.Navigate(s.URL+"/admin/jobs"), browsertest.WaitReady(),
		browsertest.WaitText("#jobs", "数据库夜间备份"),
		chromedp.SetValue(chromedp.CSS(`[data-job="backup.nightly"] input[aria-label]`), "0 3 * * *"),
		chromedp.SendKeys(chromedp.CSS(`[data-job="backup.nightly"] input[aria-label]`), "x"),
		browsertest.WaitText(`[data-job="backup.nightly"] .error`, "执行时间"),
	)
	b.Screenshot("admin-jobs-bad-spec")
	b.Do(
		chromedp.SetValue(chromedp.CSS(`[data-job="backup.nightly"] input[aria-label]`), "30 2 * * "),
		chromedp.SendKeys(chromedp.CSS(`[data-job="backup.nightly"] input[aria-label]`), "*"),
		browsertest.WaitText(`[data-job="backup.nightly"]`, "02:30"),
	)
	b.Screenshot("admin-jobs")
	b.NoErrors("400")
}
