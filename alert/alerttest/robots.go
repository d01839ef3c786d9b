package alerttest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Robot kinds, as the alert channels name them.
const (
	WeCom    = "wecom"
	DingTalk = "dingtalk"
	Feishu   = "feishu"
	Webhook  = "webhook"
)

// Received is one message a robot accepted.
type Received struct {
	Kind  string
	Title string // 钉钉's markdown title; a webhook's subject
	Text  string // the markdown or text content; a webhook's "text"
	Event string // a webhook's "event"
	Raw   []byte
}

// Clock tells the robots' time, to judge signature timestamps (within an
// hour, as 钉钉 and 飞书 do).
type Clock interface{ Now() time.Time }

// Robots is an HTTP server speaking the robots' request formats. Each
// robot has its token and secret; a request with a wrong token, a bad
// signature or an old timestamp is answered with the robot's error.
type Robots struct {
	URL   string
	clock Clock

	WeComKey                      string
	DingTalkToken, DingTalkSecret string
	FeishuHook, FeishuSecret      string
	WebhookToken, WebhookSecret   string

	mu       sync.Mutex
	received []Received
	fail     map[string]int
	requests map[string]int
}

// StartRobots starts the server for the test.
func StartRobots(t *testing.T, c Clock) *Robots {
	t.Helper()
	r := &Robots{clock: c, WeComKey: "wecom-key-693a", DingTalkToken: "ding-token-5b1", DingTalkSecret: "SEC0a1b2c3d4e5f",
		FeishuHook: "feishu-hook-77c", FeishuSecret: "feishu-sign-secret", WebhookToken: "hook-bearer-9", WebhookSecret: "hook-hmac-key",
		fail: map[string]int{}, requests: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /cgi-bin/webhook/send", r.guard(WeCom, r.wecom))
	mux.HandleFunc("POST /robot/send", r.guard(DingTalk, r.dingtalk))
	mux.HandleFunc("POST /open-apis/bot/v2/hook/{hook}", r.guard(Feishu, r.feishu))
	mux.HandleFunc("POST /hooks/hallcast", r.guard(Webhook, r.webhook))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	r.URL = srv.URL
	return r
}

// WeComURL is the 企业微信 robot's webhook address.
func (r *Robots) WeComURL() string { return r.URL + "/cgi-bin/webhook/send?key=" + r.WeComKey }

// DingTalkURL is the 钉钉 robot's webhook address.
func (r *Robots) DingTalkURL() string { return r.URL + "/robot/send?access_token=" + r.DingTalkToken }

// FeishuURL is the 飞书 robot's webhook address.
func (r *Robots) FeishuURL() string { return r.URL + "/open-apis/bot/v2/hook/" + r.FeishuHook }

// WebhookURL is the generic webhook's address.
func (r *Robots) WebhookURL() string { return r.URL + "/hooks/hallcast" }

// Fail makes the next n requests to a robot answer HTTP 500.
func (r *Robots) Fail(kind string, n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.fail[kind] = n
}

// Received returns what a robot accepted.
func (r *Robots) Received(kind string) []Received {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Received
	for _, m := range r.received {
		if m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

// Requests counts every request a robot got, refused ones included.
func (r *Robots) Requests(kind string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.requests[kind]
}

func (r *Robots) guard(kind string, h func(w http.ResponseWriter, req *http.Request, body []byte) *Received) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(req.Body, 1<<20))
		r.mu.Lock()
		r.requests[kind]++
		failing := r.fail[kind] > 0
		if failing {
			r.fail[kind]--
		}
		r.mu.Unlock()
		if failing {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		if !strings.HasPrefix(req.Header.Get("Content-Type"), "application/json") {
			http.Error(w, "want JSON", http.StatusUnsupportedMediaType)
			return
		}
		if got := h(w, req, body); got != nil {
			got.Kind, got.Raw = kind, body
			r.mu.Lock()
			r.received = append(r.received, *got)
			r.mu.Unlock()
		}
	}
}

func reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// within tells whether a Unix timestamp is within an hour of now.
func within(ts int64, now time.Time) bool {
	d := now.Sub(time.Unix(ts, 0))
	return d < time.Hour && d > -time.Hour
}

// wecom: {"msgtype":"markdown","markdown":{"content":...}} or text.
func (r *Robots) wecom(w http.ResponseWriter, req *http.Request, body []byte) *Received {
	if req.URL.Query().Get("key") != r.WeComKey {
		reply(w, map[string]any{"errcode": 93000, "errmsg": "invalid webhook url"})
		return nil
	}
	var m struct {
		MsgType  string                   `json:"msgtype"`
		Markdown struct{ Content string } `json:"markdown"`
		Text     struct{ Content string } `json:"text"`
	}
	if err := json.Unmarshal(body, &m); err != nil || (m.MsgType != "markdown" && m.MsgType != "text") {
		reply(w, map[string]any{"errcode": 40008, "errmsg": "invalid message type"})
		return nil
	}
	text := m.Markdown.Content + m.Text.Content
	if text == "" || len(text) > 4096 {
		reply(w, map[string]any{"errcode": 40058, "errmsg": "content exceed max length or empty"})
		return nil
	}
	reply(w, map[string]any{"errcode": 0, "errmsg": "ok"})
	return &Received{Text: text}
}

// dingtalk: access_token, and with 加签 timestamp (ms) and sign = the
// URL-encoded base64 of HMAC-SHA256(secret, timestamp+"\n"+secret).
func (r *Robots) dingtalk(w http.ResponseWriter, req *http.Request, body []byte) *Received {
	q := req.URL.Query()
	if q.Get("access_token") != r.DingTalkToken {
		reply(w, map[string]any{"errcode": 300001, "errmsg": "token is not exist"})
		return nil
	}
	ms, err := strconv.ParseInt(q.Get("timestamp"), 10, 64)
	mac := hmac.New(sha256.New, []byte(r.DingTalkSecret))
	fmt.Fprintf(mac, "%s\n%s", q.Get("timestamp"), r.DingTalkSecret)
	if err != nil || !within(ms/1000, r.clock.Now()) {
		reply(w, map[string]any{"errcode": 310000, "errmsg": "invalid timestamp"})
		return nil
	}
	if !hmac.Equal([]byte(q.Get("sign")), []byte(base64.StdEncoding.EncodeToString(mac.Sum(nil)))) {
		reply(w, map[string]any{"errcode": 310000, "errmsg": "sign not match"})
		return nil
	}
	var m struct {
		MsgType  string `json:"msgtype"`
		Markdown struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		} `json:"markdown"`
		Text struct{ Content string } `json:"text"`
	}
	if err := json.Unmarshal(body, &m); err != nil || (m.MsgType == "markdown" && (m.Markdown.Title == "" || m.Markdown.Text == "")) ||
		(m.MsgType != "markdown" && m.MsgType != "text") {
		reply(w, map[string]any{"errcode": 40035, "errmsg": "missing parameter"})
		return nil
	}
	reply(w, map[string]any{"errcode": 0, "errmsg": "ok"})
	return &Received{Title: m.Markdown.Title, Text: m.Markdown.Text + m.Text.Content}
}

// feishu: {"timestamp","sign","msg_type":"text","content":{"text"}}, sign
// = base64 of HMAC-SHA256 keyed with timestamp+"\n"+secret over nothing.
func (r *Robots) feishu(w http.ResponseWriter, req *http.Request, body []byte) *Received {
	if req.PathValue("hook") != r.FeishuHook {
		reply(w, map[string]any{"code": 19001, "msg": "param invalid: incoming webhook access token invalid"})
		return nil
	}
	var m struct {
		Timestamp string `json:"timestamp"`
		Sign      string `json:"sign"`
		MsgType   string `json:"msg_type"`
		Content   struct {
			Text string `json:"text"`
		} `json:"content"`
	}
	if err := json.Unmarshal(body, &m); err != nil || m.MsgType != "text" || m.Content.Text == "" {
		reply(w, map[string]any{"code": 9499, "msg": "Bad Request"})
		return nil
	}
	ts, err := strconv.ParseInt(m.Timestamp, 10, 64)
	mac := hmac.New(sha256.New, []byte(m.Timestamp+"\n"+r.FeishuSecret))
	if err != nil || !within(ts, r.clock.Now()) || !hmac.Equal([]byte(m.Sign), []byte(base64.StdEncoding.EncodeToString(mac.Sum(nil)))) {
		reply(w, map[string]any{"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time"})
		return nil
	}
	reply(w, map[string]any{"code": 0, "msg": "success", "data": map[string]any{}})
	return &Received{Text: m.Content.Text}
}

// webhook: Bearer token, X-Hallcast-Signature = sha256=hex(HMAC(secret,
// timestamp + "." + body)).
func (r *Robots) webhook(w http.ResponseWriter, req *http.Request, body []byte) *Received {
	if req.Header.Get("Authorization") != "Bearer "+r.WebhookToken {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return nil
	}
	ts := req.Header.Get("X-Hallcast-Timestamp")
	mac := hmac.New(sha256.New, []byte(r.WebhookSecret))
	mac.Write([]byte(ts + "."))
	mac.Write(body)
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || !within(sec, r.clock.Now()) || req.Header.Get("X-Hallcast-Signature") != "sha256="+hex.EncodeToString(mac.Sum(nil)) {
		http.Error(w, "bad signature", http.StatusForbidden)
		return nil
	}
	var m struct {
		Event   string `json:"event"`
		Subject string `json:"subject"`
		Text    string `json:"text"`
	}
	if err := json.Unmarshal(body, &m); err != nil || m.Event == "" {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return nil
	}
	w.WriteHeader(http.StatusNoContent)
	return &Received{Title: m.Subject, Text: m.Text, Event: m.Event}
}
