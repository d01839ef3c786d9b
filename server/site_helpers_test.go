package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/server/servertest"
)

// boardRows are the 12 households of the 公示 that tests print.
var boardRows = func() [][]string {
	villages := []string{"石桥村", "河口村", "新民社区", "东岭村"}
	var rows [][]string
	for i := 1; i <= 12; i++ {
		rows = append(rows, []string{fmt.Sprint(i), string([]rune("张王李赵刘陈杨黄周吴徐孙")[i-1]) + "*", villages[i%4], fmt.Sprint(1 + i%4), fmt.Sprint(600 + 55*i)})
	}
	return rows
}()

// boardTitle is the title of the 公示 with the 12-row table.
const boardTitle = "关于2026年第四批城乡低保拟保对象的公示"

// publishBoardNotice publishes a long 低保 公示 with a 12-row table from
// 县民政局 (its 公示 period comes from its category: 7 working days).
func publishBoardNotice(t *testing.T, p *publisher) int64 {
	t.Helper()
	var b strings.Builder
	b.WriteString("根据《最低生活保障审核确认办法》（民发〔2021〕57号）的规定，经本人申请、入户调查、信息核对和民主评议，" +
		"拟将以下12户家庭纳入城乡最低生活保障范围，现予以公示。\n\n")
	b.WriteString("| 序号 | 户主 | 村（社区） | 保障人口 | 月保障金额（元） |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range boardRows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	b.WriteString("\n")
	for i := 0; i < 6; i++ {
		b.WriteString("公示期间，任何单位和个人如对公示对象有异议，可以书面或口头形式向县民政局或所在乡镇人民政府反映，" +
			"我们将依法依规进行调查核实，并对反映人的信息予以保密。\n\n")
	}
	b.WriteString("监督电话：0755-12345678")
	return p.publish(map[string]any{"title": boardTitle, "kind": "publicity", "category_id": p.category("SHJZ"),
		"source_dept": "县民政局", "made_on": today(p.s).AddDays(-3).String(), "all_screens": true, "body": b.String()})
}

var tokenPattern = regexp.MustCompile(`name="token" value="([^"]+)"`)

// formToken fetches a form page and returns its token.
func formToken(t *testing.T, c *servertest.Client, path string) string {
	t.Helper()
	res := c.Do("GET", path, nil)
	if res.Status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.Status, res.Body)
	}
	m := tokenPattern.FindSubmatch(res.Body)
	if m == nil {
		t.Fatalf("GET %s: no form token in %s", path, res.Body)
	}
	return string(m[1])
}

// postForm sends a form as a browser does without JavaScript.
func postForm(t *testing.T, s *servertest.Server, c *servertest.Client, path string, vals url.Values) *servertest.Response {
	t.Helper()
	req, err := http.NewRequest("POST", s.URL+path, strings.NewReader(vals.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.Send(req)
}

// getPage fetches a page and fails unless it answers want.
func getPage(t *testing.T, c *servertest.Client, path string, want int) string {
	t.Helper()
	res := c.Do("GET", path, nil)
	if res.Status != want {
		t.Fatalf("GET %s: %d, want %d: %.500s", path, res.Status, want, res.Body)
	}
	return string(res.Body)
}

// contains fails unless page has every string.
func contains(t *testing.T, what, page string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(page, w) {
			t.Errorf("%s: %q missing", what, w)
		}
	}
}

// waitGone polls path until it answers 404 (the site follows the bus).
func waitGone(t *testing.T, c *servertest.Client, path string) {
	t.Helper()
	for i := 0; ; i++ {
		if c.Do("GET", path, nil).Status == http.StatusNotFound {
			return
		}
		if i > 500 {
			t.Fatalf("%s is still served", path)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// regexpFind returns the first group of pattern in s, or "".
func regexpFind(pattern, s string) string {
	if m := regexp.MustCompile(pattern).FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}
