package alert

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Events of a message.
const (
	EventStart    = "start"    // a condition started
	EventRemind   = "remind"   // still there after the reminder interval
	EventResolved = "resolved" // cleared
	EventDigest   = "digest"   // what quiet hours held
	EventTest     = "test"     // the admin's test button
)

var eventWords = map[string][2]string{
	EventStart:    {"告警", "Alert"},
	EventRemind:   {"仍未解决", "Still open"},
	EventResolved: {"已恢复", "Resolved"},
	EventDigest:   {"免打扰期间汇总", "Quiet-hours digest"},
	EventTest:     {"测试消息", "Test message"},
}

// message is what one event of one rule says.
type message struct {
	Event string
	Cond  string
	Title string
	Lines []string
}

// subject is the one-line summary: "【告警】栏目更新不及时（2 项）".
func (m message) subject() string {
	s := fmt.Sprintf("【%s】%s", eventWords[m.Event][0], m.Title)
	if len(m.Lines) > 1 {
		s += fmt.Sprintf("（%d 项）", len(m.Lines))
	}
	return s
}

// body is the plain text of a message: its lines, the time and a link.
func (s *Service) body(m message, at time.Time) string {
	var b strings.Builder
	for _, l := range m.Lines {
		b.WriteString("- " + l + "\n")
	}
	fmt.Fprintf(&b, "\n时间：%s", at.In(s.opts.Location).Format("2006-01-02 15:04"))
	if s.opts.BaseURL != "" {
		fmt.Fprintf(&b, "\n详情：%s/admin/alerts", strings.TrimRight(s.opts.BaseURL, "/"))
	}
	return b.String()
}

// clip cuts text to at most n bytes on a line or character boundary,
// saying that it was cut (robots refuse long messages).
func clip(text string, n int) string {
	if len(text) <= n {
		return text
	}
	const more = "\n…（内容过长，详见管理后台）"
	cut := text[:n-len(more)]
	if i := strings.LastIndexByte(cut, '\n'); i > len(cut)/2 {
		cut = cut[:i]
	}
	for !utf8.ValidString(cut) {
		cut = cut[:len(cut)-1]
	}
	return cut + more
}
