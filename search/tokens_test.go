package search

import (
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"征地补偿", []string{"征地", "地补", "补偿", "偿"}},
		{"税", []string{"税"}},
		{"依法纳税。", []string{"依法", "法纳", "纳税", "税"}},
		{"２０２６年ABC低保", []string{"2026", "年", "abc", "低保", "保"}},
		{"11440300MB2C12345X/2024-00017", []string{"11440300mb2c12345x", "2024", "00017"}},
		{"  ,。!  ", nil},
	}
	for _, c := range cases {
		if got := Tokens(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	cases := []struct {
		in            string
		fts5, tsquery string
	}{
		{"税", `"税"*`, `('税':*)`},
		{"低保", `"低保"`, `('低保')`},
		{"征地补偿", `"征地 地补 补偿"`, `('征地' <-> '地补' <-> '补偿')`},
		{"2026年低保", `"2026 年低 低保"`, `('2026' <-> '年低' <-> '低保')`},
		{"低保2026", `"低保 保 2026"`, `('低保' <-> '保' <-> '2026')`},
		{"2026年", `"2026 年"*`, `('2026' <-> '年':*)`},
		{`"低保 OR 征地"`, `"低保" AND "or" AND "征地"`, `('低保') & ('or') & ('征地')`},
		{"NEAR(低保, 税) -税* (a)", `"near" AND "低保" AND "税"* AND "税"* AND "a"`, `('near') & ('低保') & ('税':*) & ('税':*) & ('a')`},
		{`' \ " `, ``, ``},
	}
	for _, c := range cases {
		q := ParseQuery(c.in)
		if got := q.fts5(); got != c.fts5 {
			t.Errorf("fts5(%q) = %s, want %s", c.in, got, c.fts5)
		}
		if got := q.tsquery(); got != c.tsquery {
			t.Errorf("tsquery(%q) = %s, want %s", c.in, got, c.tsquery)
		}
	}
}

func TestSnippet(t *testing.T) {
	text := "第一段没有关键词。" + string(make([]rune, 0)) + "这里说明最低生活保障即低保的申请条件，低保对象按月领取。"
	segs := Snippet(text, []string{"低保"}, 20)
	var hits int
	for _, s := range segs {
		if s.Hit {
			hits++
			if s.Text != "低保" {
				t.Errorf("hit %q", s.Text)
			}
		}
	}
	if hits == 0 || segs[0].Text != "…" {
		t.Fatalf("snippet %+v", segs)
	}
	if got := Highlight("abc 2026 ＡＢＣ", []string{"abc"}); len(got) != 3 || !got[0].Hit || got[1].Hit || got[2].Text != "ＡＢＣ" || !got[2].Hit {
		t.Fatalf("highlight %+v", got)
	}
}
