package alert_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/alert/alerttest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestStartRemindResolveOncePerRecipient: a condition that starts reaches
// every recipient once (both e-mail addresses over STARTTLS with AUTH, the
// three robots with their signatures, the webhook); evaluating again sends
// nothing; after the reminder interval each gets one reminder; when it
// clears, one "resolved".
func TestStartRemindResolveOncePerRecipient(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.normal.set(alert.Finding{Item: "category:7", Text: "政策法规 / 政策解读（上次发布 2026-03-02，更新周期 6 个月）"})
		if res := e.evaluate(); res.Started != 1 || res.Queued != 5 || res.Open != 1 {
			t.Fatalf("first evaluation: %+v", res)
		}
		e.expectEach(1, "【告警】栏目更新不及时", "政策法规 / 政策解读", "https://gk.hall.example/admin/alerts")
		for _, m := range e.smtp.Mails() {
			if !m.TLS || m.User != e.smtp.User || m.From != "hallcast@hall.example" {
				t.Fatalf("mail: %+v", m)
			}
		}
		if got := e.robots.Received(alerttest.Webhook); got[0].Event != "start" {
			t.Fatalf("webhook: %+v", got)
		}

		e.clock.Advance(59 * time.Minute)
		if res := e.evaluate(); res.Queued != 0 || res.Open != 1 {
			t.Fatalf("within the interval: %+v", res)
		}
		e.expectEach(1)
		e.clock.Advance(time.Minute)
		if res := e.evaluate(); res.Reminded != 1 || res.Queued != 5 {
			t.Fatalf("after the interval: %+v", res)
		}
		e.expectEach(2, "【仍未解决】栏目更新不及时", "政策解读")

		e.normal.set()
		if res := e.evaluate(); res.Resolved != 1 || res.Open != 0 {
			t.Fatalf("cleared: %+v", res)
		}
		e.expectEach(3, "【已恢复】栏目更新不及时", "政策解读")
		e.clock.Advance(3 * time.Hour)
		e.evaluate()
		e.expectEach(3)

		states, err := e.svc.States(context.Background(), 10)
		if err != nil || len(states) != 1 || states[0].ResolvedAt == nil || states[0].Reminders != 1 {
			t.Fatalf("states: %+v %v", states, err)
		}
	}, migrations...)
}

// TestFailingChannelIsRetriedAndLogged: a webhook that answers 500 twice
// gets the message on the third attempt, after the backoff; each attempt
// and its answer is in the log. A message that fails every attempt ends
// failed.
func TestFailingChannelIsRetriedAndLogged(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.robots.Fail(alerttest.Webhook, 2)
		e.normal.set(alert.Finding{Item: "job:backup.nightly", Text: "数据库夜间备份失败：disk full"})
		e.evaluate()
		e.settle()
		if n := len(e.robots.Received(alerttest.Webhook)); n != 0 || e.robots.Requests(alerttest.Webhook) != 1 {
			t.Fatalf("first attempt: %d received, %d requests", n, e.robots.Requests(alerttest.Webhook))
		}
		e.clock.Advance(30 * time.Second) // the first backoff
		e.settle()
		if e.robots.Requests(alerttest.Webhook) != 2 {
			t.Fatalf("second attempt: %d requests", e.robots.Requests(alerttest.Webhook))
		}
		e.clock.Advance(time.Minute)
		msgs := e.settle()
		if got := e.robots.Received(alerttest.Webhook); len(got) != 1 || !strings.Contains(got[0].Text, "disk full") {
			t.Fatalf("webhook: %+v", got)
		}
		var id int64
		for _, m := range msgs {
			if m.ChannelID == e.channels[alert.KindWebhook].ID {
				id = m.ID
			}
		}
		m, err := e.svc.Message(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if m.Status != "sent" || m.Attempts != 3 || len(m.Deliveries) != 3 {
			t.Fatalf("message: %+v", m)
		}
		for i, d := range m.Deliveries {
			ok := i == 2
			if d.Attempt != i+1 || d.OK != ok || (!ok && !strings.HasPrefix(d.Answer, "HTTP 500 internal error")) || (ok && !strings.HasPrefix(d.Answer, "HTTP 204")) {
				t.Fatalf("attempt %d: %+v", i+1, d)
			}
		}
		// The other channels were not held up by the failing one.
		e.expectEach(1)

		// A robot that never takes it: eight attempts, then failed.
		e.robots.Fail(alerttest.WeCom, 100)
		e.normal.set()
		e.evaluate()
		for range 10 {
			e.settle()
			e.clock.Advance(time.Hour)
		}
		msgs = e.settle()
		for _, m := range msgs {
			if m.ChannelID == e.channels[alert.KindWeCom].ID && m.Event == alert.EventResolved && (m.Status != "failed" || m.Attempts != 8) {
				t.Fatalf("the message wecom never took: %+v", m)
			}
		}
		if e.robots.Requests(alerttest.WeCom) != 1+8 {
			t.Fatalf("wecom requests: %d", e.robots.Requests(alerttest.WeCom))
		}
	}, migrations...)
}
