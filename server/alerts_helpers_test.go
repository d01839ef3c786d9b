package server_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/alert/alerttest"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
)

// alertEnv is the whole app with alert channels of every kind pointed at
// servers in the test (an SMTP server wanting STARTTLS and AUTH, the three
// robots checking their signatures, a signed webhook), all in one group,
// configured through the admin API.
type alertEnv struct {
	t      *testing.T
	s      *servertest.Server
	admin  *servertest.Client
	smtp   *alerttest.SMTP
	robots *alerttest.Robots
	group  int64
}

var recipients = []string{"duty@hall.example", "chief@hall.example", alerttest.WeCom, alerttest.DingTalk, alerttest.Feishu, alerttest.Webhook}

func startAlerts(t *testing.T, d store.Dialect) *alertEnv {
	t.Helper()
	mail := alerttest.StartSMTP(t)
	s := servertest.Start(t, servertest.WithDialect(d), func(_ *config.Config, o *server.Options) { o.AlertRootCAs = mail.RootCAs })
	e := &alertEnv{t: t, s: s, smtp: mail, robots: alerttest.StartRobots(t, s.Clock)}
	s.User(t, "root", auth.RoleAdmin)
	e.login()
	var ids []int64
	for _, in := range []alert.ChannelInput{
		{Name: "值班邮箱", Kind: alert.KindEmail, Enabled: true, Settings: alert.Settings{Host: mail.Host, Port: mail.Port, Username: mail.User,
			From: "hallcast@hall.example", To: []string{"duty@hall.example", "chief@hall.example"}}, Secrets: alert.Secrets{Password: mail.Password}},
		{Name: "政务公开工作群", Kind: alert.KindWeCom, Enabled: true, Secrets: alert.Secrets{URL: e.robots.WeComURL()}},
		{Name: "钉钉值班群", Kind: alert.KindDingTalk, Enabled: true, Secrets: alert.Secrets{URL: e.robots.DingTalkURL(), Secret: e.robots.DingTalkSecret}},
		{Name: "飞书运维群", Kind: alert.KindFeishu, Enabled: true, Secrets: alert.Secrets{URL: e.robots.FeishuURL(), Secret: e.robots.FeishuSecret}},
		{Name: "监控平台", Kind: alert.KindWebhook, Enabled: true, Settings: alert.Settings{URL: e.robots.WebhookURL()},
			Secrets: alert.Secrets{Token: e.robots.WebhookToken, Secret: e.robots.WebhookSecret}},
	} {
		var ch alert.Channel
		post(t, e.admin, "/api/admin/alerts/channels", in, http.StatusCreated).JSON(t, &ch)
		ids = append(ids, ch.ID)
	}
	var g alert.Group
	post(t, e.admin, "/api/admin/alerts/groups", alert.GroupInput{Name: "办公室", ChannelIDs: ids}, http.StatusCreated).JSON(t, &g)
	e.group = g.ID
	return e
}

// login logs root in again (a jump of the clock ends sessions).
func (e *alertEnv) login() { e.admin = e.s.Login(e.t, "root", "root-password-1") }

// route sends a condition's rule to the group (the others keep theirs,
// none), with a threshold and a reminder interval.
func (e *alertEnv) route(cond string, threshold, remind int) alert.Rule {
	e.t.Helper()
	var out struct{ Rules []alert.Rule }
	e.admin.Do("GET", "/api/admin/alerts/rules", nil).JSON(e.t, &out)
	for _, r := range out.Rules {
		if r.Condition == cond {
			in := alert.RuleInput{Condition: cond, Enabled: true, GroupID: &e.group, Threshold: threshold, RemindMinutes: remind, Urgent: r.Urgent}
			res := e.admin.Do("PUT", "/api/admin/alerts/rules/"+itoa(r.ID), in)
			if res.Status != http.StatusOK {
				e.t.Fatalf("rule %s: %d %s", cond, res.Status, res.Body)
			}
			res.JSON(e.t, &r)
			return r
		}
	}
	e.t.Fatalf("no rule for %s", cond)
	return alert.Rule{}
}

func (e *alertEnv) evaluate() {
	e.t.Helper()
	if _, err := e.s.App.Alerts.Evaluate(e.t.Context(), ""); err != nil {
		e.t.Fatal(err)
	}
}

// settle waits until no message is due and unsent, and returns the log.
func (e *alertEnv) settle() []alert.Message {
	e.t.Helper()
	for i := 0; ; i++ {
		msgs, err := e.s.App.Alerts.Messages(e.t.Context(), 0, 500)
		if err != nil {
			e.t.Fatal(err)
		}
		if !slices.ContainsFunc(msgs, func(m alert.Message) bool { return m.Status == "pending" && !m.NextAt.After(e.s.Clock.Now()) }) {
			return msgs
		}
		if i > 1000 {
			e.t.Fatalf("messages pending: %+v", msgs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// expectEach checks that every recipient got exactly n messages, the last
// one containing each of want.
func (e *alertEnv) expectEach(n int, want ...string) {
	e.t.Helper()
	e.settle()
	box := map[string][]string{}
	for _, addr := range recipients[:2] {
		for _, m := range e.smtp.To(addr) {
			box[addr] = append(box[addr], m.Subject+"\n"+m.Body)
		}
	}
	for _, k := range recipients[2:] {
		for _, m := range e.robots.Received(k) {
			box[k] = append(box[k], m.Title+"\n"+m.Text)
		}
	}
	for _, r := range recipients {
		if len(box[r]) != n {
			e.t.Fatalf("%s got %d messages, want %d: %q", r, len(box[r]), n, box[r])
		}
		for _, w := range want {
			if !strings.Contains(box[r][n-1], w) {
				e.t.Fatalf("%s: the last message lacks %q: %q", r, w, box[r][n-1])
			}
		}
	}
}
