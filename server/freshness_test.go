package server_test

import (
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/browsertest"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// overdueMetric reads hallcast_catalogue_overdue_categories off /metrics.
func overdueMetric(t *testing.T, s *servertest.Server) int {
	t.Helper()
	body := string(s.Client(t).Do("GET", "/metrics", nil).Body)
	m := regexp.MustCompile(`(?m)^hallcast_catalogue_overdue_categories (\d+)$`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no overdue metric: %s", grepLines(body, "catalogue"))
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// overdueAPI counts the overdue categories of the admin API's tree.
func overdueAPI(t *testing.T, c *servertest.Client) int {
	t.Helper()
	type node struct {
		Overdue  bool   `json:"overdue"`
		Children []node `json:"children"`
	}
	var tree struct{ Categories []node }
	c.Do("GET", "/api/admin/categories", nil).JSON(t, &tree)
	var count func([]node) int
	count = func(ns []node) int {
		n := 0
		for _, c := range ns {
			if c.Overdue {
				n++
			}
			n += count(c.Children)
		}
		return n
	}
	return count(tree.Categories)
}

// TestOverdueFollowsPublish (R8, issue 22): a year after the catalogue was
// made every category is overdue; a publication in 工作动态 makes /metrics
// and the API say one fewer at once, one in 政策文件 two fewer (its heading
// 政策法规 is fresh through it), and the freshness job's run is a warning
// that counts them.
func TestOverdueFollowsPublish(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		if n := overdueMetric(t, s); n != 0 {
			t.Fatalf("a new catalogue has %d overdue", n)
		}
		s.Clock.Advance(400 * 24 * time.Hour)
		p := newPublisher(t, s)
		all := overdueMetric(t, s)
		if all < 20 || overdueAPI(t, p.ed) != all {
			t.Fatalf("a year later: metric %d, API %d", all, overdueAPI(t, p.ed))
		}
		p.publish(map[string]any{"title": "县政务服务中心开展延时服务", "kind": "news", "category_id": p.category("GZDT"), "body": "每周三延时至19:00。"})
		if m, a := overdueMetric(t, s), overdueAPI(t, p.ed); m != all-1 || a != all-1 {
			t.Fatalf("after 工作动态: metric %d, API %d, want %d", m, a, all-1)
		}
		p.publish(map[string]any{"title": "县人民政府关于印发优化营商环境若干措施的通知", "kind": "notification", "category_id": p.category("ZCWJ"),
			"body": "现将措施印发给你们，请认真贯彻执行。"})
		if m, a := overdueMetric(t, s), overdueAPI(t, p.ed); m != all-3 || a != all-3 {
			t.Fatalf("after 政策文件: metric %d, API %d, want %d (政策文件 and 政策法规)", m, a, all-3)
		}

		s.App.Scheduler.RunNow("catalogue.freshness")
		want := strconv.Itoa(all-3) + " overdue: "
		for i := 0; ; i++ {
			runs, err := s.App.Scheduler.Runs(t.Context(), "catalogue.freshness", 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(runs) == 1 && runs[0].Status == "warning" && len(runs[0].Result) > len(want) && runs[0].Result[:len(want)] == want {
				break
			}
			if i > 300 {
				t.Fatalf("freshness run: %+v", runs)
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
}

// TestDashboardOverdueInBrowser: the dashboard counts the overdue
// categories for a reviewer too, and one fewer after a publication.
func TestDashboardOverdueInBrowser(t *testing.T) {
	s := servertest.Start(t)
	s.Clock.Advance(400 * 24 * time.Hour)
	p := newPublisher(t, s)
	all := overdueMetric(t, s)
	s.User(t, "rev", auth.RoleReviewer)
	b := browsertest.New(t, 1440, 900)
	login(b, s.URL, "rev")
	b.Do(browsertest.WaitJS(`document.querySelector('#stale [data-overdue="`+strconv.Itoa(all)+`"]') !== null`),
		browsertest.WaitText("#stale", strconv.Itoa(all)+" 个栏目更新不及时"))
	p.publish(map[string]any{"title": "县政务服务中心开展延时服务", "kind": "news", "category_id": p.category("GZDT"), "body": "每周三延时至19:00。"})
	b.Do(chromedp.Reload(), browsertest.WaitReady(),
		browsertest.WaitJS(`document.querySelector('#stale [data-overdue="`+strconv.Itoa(all-1)+`"]') !== null`))
	if !regexp.MustCompile(`^` + strconv.Itoa(all-1) + ` 个栏目更新不及时：`).MatchString(b.Text("#stale")) {
		t.Fatalf("dashboard: %q", b.Text("#stale"))
	}
	b.Screenshot("admin-dashboard-overdue-reviewer")
	b.NoErrors()
}
