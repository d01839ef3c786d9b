package alert_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/alert/alerttest"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

var migrations = []store.Migrations{audit.Migrations, settings.Migrations, alert.Migrations}

var admin = audit.Actor{ID: 0, Name: "test-admin"}

// cond is a condition whose findings the test sets.
type cond struct {
	mu   sync.Mutex
	list []alert.Finding
	err  error
}

func (c *cond) set(f ...alert.Finding) { c.mu.Lock(); c.list, c.err = f, nil; c.mu.Unlock() }
func (c *cond) fail(err error)         { c.mu.Lock(); c.err = err; c.mu.Unlock() }

func (c *cond) check(context.Context, time.Time, int) ([]alert.Finding, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]alert.Finding(nil), c.list...), c.err
}

// env is an alert service on a real database with every kind of channel
// pointed at servers in the test: e-mail to two addresses, 企业微信, 钉钉
// and 飞书 (signed) and a webhook (token and signature), all in one group.
type env struct {
	t        *testing.T
	db       *store.DB
	clock    *clock.Fake
	settings *settings.Service
	svc      *alert.Service
	smtp     *alerttest.SMTP
	robots   *alerttest.Robots
	normal   *cond // "test": not urgent, reminders every 60 min
	urgent   *cond // "urgent"
	group    *alert.Group
	channels map[alert.Kind]*alert.Channel
}

var key = []byte("0123456789abcdef0123456789abcdef")

func newEnv(t *testing.T, db *store.DB) *env {
	t.Helper()
	e := &env{t: t, db: db, clock: clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, shanghai)), normal: &cond{}, urgent: &cond{},
		channels: map[alert.Kind]*alert.Channel{}}
	e.smtp = alerttest.StartSMTP(t)
	e.robots = alerttest.StartRobots(t, e.clock)
	e.settings = settings.New(db, e.clock)
	e.svc = e.service(db, e.settings)
	ctx := context.Background()
	inputs := []alert.ChannelInput{
		{Name: "值班邮箱", Kind: alert.KindEmail, Enabled: true, Settings: alert.Settings{Host: e.smtp.Host, Port: e.smtp.Port, Username: e.smtp.User,
			From: "hallcast@hall.example", To: []string{"duty@hall.example", "chief@hall.example"}}, Secrets: alert.Secrets{Password: e.smtp.Password}},
		{Name: "政务公开工作群", Kind: alert.KindWeCom, Enabled: true, Secrets: alert.Secrets{URL: e.robots.WeComURL()}},
		{Name: "钉钉值班群", Kind: alert.KindDingTalk, Enabled: true, Secrets: alert.Secrets{URL: e.robots.DingTalkURL(), Secret: e.robots.DingTalkSecret}},
		{Name: "飞书运维群", Kind: alert.KindFeishu, Enabled: true, Secrets: alert.Secrets{URL: e.robots.FeishuURL(), Secret: e.robots.FeishuSecret}},
		{Name: "监控平台", Kind: alert.KindWebhook, Enabled: true, Settings: alert.Settings{URL: e.robots.WebhookURL()},
			Secrets: alert.Secrets{Token: e.robots.WebhookToken, Secret: e.robots.WebhookSecret}},
	}
	var ids []int64
	for _, in := range inputs {
		ch, err := e.svc.SaveChannel(ctx, admin, 0, in)
		if err != nil {
			t.Fatalf("channel %s: %v", in.Name, err)
		}
		e.channels[ch.Kind] = ch
		ids = append(ids, ch.ID)
	}
	g, err := e.svc.SaveGroup(ctx, admin, 0, alert.GroupInput{Name: "办公室", ChannelIDs: ids})
	if err != nil {
		t.Fatal(err)
	}
	e.group = g
	for _, r := range e.rules() {
		r.GroupID = &g.ID
		e.saveRule(r)
	}
	return e
}

// service opens a service on db (another instance, for a second one)
// with the test's conditions, started.
func (e *env) service(db *store.DB, st *settings.Service) *alert.Service {
	e.t.Helper()
	svc, err := alert.New(alert.Options{DB: db, Clock: e.clock, Location: shanghai, Settings: st, Key: key,
		RootCAs: e.smtp.RootCAs, BaseURL: "https://gk.hall.example"})
	if err != nil {
		e.t.Fatal(err)
	}
	svc.Register(alert.Condition{Kind: "test", Title: "栏目更新不及时", RemindMinutes: 60, DefaultEnabled: true, Check: e.normal.check})
	svc.Register(alert.Condition{Kind: "urgent", Title: "紧急插播未全部确认", Unit: alert.UnitMinutes, Threshold: 5, Min: 1, Max: 60,
		Urgent: true, DefaultEnabled: true, Check: e.urgent.check})
	if err := svc.Start(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		svc.Close(ctx)
	})
	return svc
}

func (e *env) rules() []alert.Rule {
	e.t.Helper()
	rules, err := e.svc.Rules(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return rules
}

func (e *env) rule(kind string) alert.Rule {
	for _, r := range e.rules() {
		if r.Condition == kind {
			return r
		}
	}
	e.t.Fatalf("no rule for %s", kind)
	return alert.Rule{}
}

func (e *env) saveRule(r alert.Rule) {
	e.t.Helper()
	if _, err := e.svc.SaveRule(context.Background(), admin, r.ID, alert.RuleInput{Condition: r.Condition, Enabled: r.Enabled, GroupID: r.GroupID,
		Threshold: r.Threshold, RemindMinutes: r.RemindMinutes, Urgent: r.Urgent}); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) evaluate() *alert.Result {
	e.t.Helper()
	res, err := e.svc.Evaluate(context.Background(), "")
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

// settle waits until no message is pending and due (sent, failed or
// waiting for a retry later) and returns the log, newest first.
func (e *env) settle() []alert.Message {
	e.t.Helper()
	for i := 0; ; i++ {
		msgs, err := e.svc.Messages(context.Background(), 0, 500)
		if err != nil {
			e.t.Fatal(err)
		}
		busy := slices.ContainsFunc(msgs, func(m alert.Message) bool {
			return m.Status == "pending" && !m.NextAt.After(e.clock.Now())
		})
		if !busy {
			return msgs
		}
		if i > 1000 {
			e.t.Fatalf("messages still pending: %+v", msgs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// inbox is what every recipient got, by recipient: the two addresses and
// the four robots.
func (e *env) inbox() map[string][]string {
	out := map[string][]string{}
	for _, addr := range []string{"duty@hall.example", "chief@hall.example"} {
		for _, m := range e.smtp.To(addr) {
			out[addr] = append(out[addr], m.Subject+"\n"+m.Body)
		}
	}
	for _, k := range []string{alerttest.WeCom, alerttest.DingTalk, alerttest.Feishu, alerttest.Webhook} {
		for _, m := range e.robots.Received(k) {
			out[k] = append(out[k], m.Title+"\n"+m.Text)
		}
	}
	return out
}

// expectEach checks that every recipient has got exactly n messages, the
// last of which contains each of want.
func (e *env) expectEach(n int, want ...string) {
	e.t.Helper()
	e.settle()
	box := e.inbox()
	for _, r := range []string{"duty@hall.example", "chief@hall.example", alerttest.WeCom, alerttest.DingTalk, alerttest.Feishu, alerttest.Webhook} {
		got := box[r]
		if len(got) != n {
			e.t.Fatalf("%s got %d messages, want %d: %q", r, len(got), n, got)
		}
		for _, w := range want {
			if n > 0 && !strings.Contains(got[n-1], w) {
				e.t.Fatalf("%s: the last message lacks %q: %q", r, w, got[n-1])
			}
		}
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

func sleep() { time.Sleep(10 * time.Millisecond) }
