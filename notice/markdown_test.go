package notice

import (
	"strings"
	"testing"
)

func TestRenderSanitises(t *testing.T) {
	src := strings.Join([]string{
		"# 标题",
		"",
		"正文 **加粗** [链接](https://www.gov.cn/) [坏链接](javascript:alert(1)) [坏链接2](JaVaScRiPt:alert(2))",
		"",
		"<script>alert('x')</script>",
		"",
		`<iframe src="https://evil.example/"></iframe>`,
		"",
		`<img src="x" onerror="alert(1)"> <a href="https://x.example/" onclick="alert(1)">点击</a>`,
		"",
		"| 项目 | 金额 |",
		"| --- | --- |",
		"| 低保 | 800 |",
	}, "\n")
	html, text := Render(src)
	for _, bad := range []string{"<script", "alert(", "<iframe", "onerror", "onclick", "javascript:", "JaVaScRiPt"} {
		if strings.Contains(html, bad) {
			t.Errorf("rendered HTML holds %q:\n%s", bad, html)
		}
	}
	for _, good := range []string{"<h1", "<strong>加粗</strong>", `href="https://www.gov.cn/"`, "<table>", "<td>低保</td>"} {
		if !strings.Contains(html, good) {
			t.Errorf("rendered HTML lacks %q:\n%s", good, html)
		}
	}
	if !strings.Contains(text, "标题\n") || strings.Contains(text, "<") || !strings.Contains(text, "正文 加粗 链接") {
		t.Errorf("plain text:\n%s", text)
	}
}

func TestRenderRawHTMLAttributes(t *testing.T) {
	// Inline raw HTML is dropped entirely; entities stay text.
	html, text := Render(`a <b onmouseover="x()">b</b> &lt;script&gt; c`)
	if strings.Contains(html, "onmouseover") || strings.Contains(html, "<script>") {
		t.Fatal(html)
	}
	if !strings.Contains(text, "<script>") {
		t.Fatalf("escaped text lost: %q", text)
	}
}
