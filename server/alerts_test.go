package server_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/alert/alerttest"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/display/status"
	"github.com/hallcast/hallcast/scheduler"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestAlertCategoryOverdue (R8, issue 22): 工作动态 (every two weeks) made
// overdue by the clock reaches each recipient once; a reminder after the
// interval; a publication in it resolves it at once (the notice event),
// one "resolved" each.
func TestAlertCategoryOverdue(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		e := startAlerts(t, d)
		e.route("category_overdue", 0, 24*60)
		e.evaluate()
		e.expectEach(0)
		e.s.Clock.Advance(15 * 24 * time.Hour)
		e.login()
		e.evaluate()
		e.expectEach(1, "【告警】栏目更新不及时", "工作动态（从未发布，更新周期 2 周）")
		e.evaluate()
		e.expectEach(1)
		e.s.Clock.Advance(24 * time.Hour)
		e.login()
		e.evaluate()
		e.expectEach(2, "【仍未解决】栏目更新不及时", "工作动态")

		p := newPublisher(t, e.s)
		p.publish(map[string]any{"title": "县政务服务中心开展延时服务", "kind": "news", "category_id": p.category("GZDT"), "body": "每周三延时至19:00。"})
		for i := 0; len(e.robots.Received(alerttest.Webhook)) < 3; i++ { // no evaluation by the test: the notice event does it
			if i > 500 {
				t.Fatal("the publication did not resolve the alert")
			}
			waitABit()
		}
		e.expectEach(3, "【已恢复】栏目更新不及时", "工作动态")
	})
}

// TestAlertRequestDueTomorrow (R1): a disclosure request due the next
// working day reaches each recipient once; replying resolves it.
func TestAlertRequestDueTomorrow(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		e := startAlerts(t, d)
		ctx := t.Context()
		e.route("request_due", 1, 0)
		req, err := e.s.App.Disclosure.Submit(ctx, 0, application("赵六"))
		if err != nil {
			t.Fatal(err)
		}
		cal, _ := e.s.App.Calendar.Calendar(ctx)
		eve := req.Due.AddDays(-1)
		for ok, _ := cal.IsWorkday(eve); !ok; ok, _ = cal.IsWorkday(eve) {
			eve = eve.AddDays(-1)
		}
		e.s.Clock.Set(eve.In(e.s.Cfg.TimeZone).Add(8 * time.Hour)) // the eve 08:00: two working days ahead before
		e.evaluate()
		e.expectEach(1, "【告警】依申请公开即将到期", req.TrackingNo+" 还剩 1 个工作日到期（"+req.Due.String()+"）")
		e.s.Clock.Advance(2 * time.Hour)
		e.evaluate()
		e.expectEach(1)
		var id int64
		if err := e.s.App.DB.Get(ctx, &id, "SELECT id FROM disclosure_requests WHERE tracking_no = ?", req.TrackingNo); err != nil {
			t.Fatal(err)
		}
		if _, err := e.s.App.Disclosure.Act(ctx, staffActor, id, disclosure.Event{Kind: disclosure.EventReplied, Outcome: disclosure.OutcomeDisclosed, Text: "见附件"}); err != nil {
			t.Fatal(err)
		}
		e.evaluate()
		e.expectEach(2, "【已恢复】依申请公开即将到期", req.TrackingNo)
	})
}

// TestAlertScreenOfflineInOpeningHours: a screen that drops off at 17:25
// is not reported after closing (17:30) however long it stays away; at
// 08:40 the next working day, more than ten minutes into opening hours it
// is, once per recipient; when it is back, one "resolved".
func TestAlertScreenOfflineInOpeningHours(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		e := startAlerts(t, d)
		e.route("device_offline", 10, 0)
		zone := e.s.Cfg.TimeZone
		now := e.s.Clock.Now().In(zone)
		day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, zone)
		e.s.Clock.Set(day.Add(17*time.Hour + 25*time.Minute))
		e.login()
		id, token := pairScreen(t, e.s, e.admin, "二楼电梯厅竖屏", "portrait", nil)
		c := dialScreen(t, e.s, token, "")
		waitScreen(t, e.admin, id, "online", func(s status.Screen) bool { return s.Online })
		c.conn.Close()
		waitScreen(t, e.admin, id, "offline", func(s status.Screen) bool { return !s.Online })
		e.s.Clock.Set(day.Add(17*time.Hour + 40*time.Minute))
		e.evaluate()
		e.s.Clock.Set(day.Add(23 * time.Hour))
		e.evaluate()
		e.expectEach(0)

		next := day.AddDate(0, 0, 1)
		cal, _ := e.s.App.Calendar.Calendar(t.Context())
		for ok, _ := cal.IsWorkday(dateOf(next)); !ok; ok, _ = cal.IsWorkday(dateOf(next)) {
			next = next.AddDate(0, 0, 1)
		}
		e.s.Clock.Set(next.Add(8*time.Hour + 40*time.Minute))
		e.login()
		e.evaluate()
		e.expectEach(1, "【告警】屏幕或自助终端离线", "屏幕「二楼电梯厅竖屏」离线")
		e.evaluate()
		e.expectEach(1)

		c = dialScreen(t, e.s, token, "")
		waitScreen(t, e.admin, id, "back online", func(s status.Screen) bool { return s.Online })
		e.evaluate()
		e.expectEach(2, "【已恢复】屏幕或自助终端离线", "二楼电梯厅竖屏")
	})
}

// TestAlertFailedJob: a job whose run fails reaches each recipient once,
// with its error; a channel that answers 500 meanwhile gets it on the
// retry, both attempts in the log the admin API shows; the next good run
// resolves it.
func TestAlertFailedJob(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		e := startAlerts(t, d)
		e.route("job_failed", 0, 0)
		var broken atomic.Bool
		broken.Store(true)
		e.s.App.Scheduler.Add(scheduler.Job{Name: "test.export", Title: "测试导出", Spec: "@yearly", Run: func(context.Context, time.Time) (string, error) {
			if broken.Load() {
				return "", errors.New("open /srv/export: permission denied")
			}
			return "ok", nil
		}})
		run := func(status string) {
			t.Helper()
			e.s.App.Scheduler.RunNow("test.export")
			for i := 0; ; i++ {
				runs, _ := e.s.App.Scheduler.Runs(t.Context(), "test.export", 1)
				if len(runs) == 1 && runs[0].Status == status && (i > 0 || status == "error") {
					if status == "error" || runs[0].FinishedAt != nil {
						return
					}
				}
				if i > 500 {
					t.Fatalf("run: %+v", runs)
				}
				waitABit()
			}
		}
		run("error")
		e.robots.Fail(alerttest.WeCom, 1)
		e.evaluate()
		e.settle()
		e.s.Clock.Advance(30 * time.Second) // the retry's backoff
		e.expectEach(1, "【告警】定时任务失败", "测试导出（test.export）", "permission denied")

		var log struct{ Messages []alert.Message }
		e.admin.Do("GET", "/api/admin/alerts/messages?limit=20", nil).JSON(t, &log)
		var wecom alert.Message
		for _, m := range log.Messages {
			if m.ChannelName == "政务公开工作群" {
				e.admin.Do("GET", fmt.Sprintf("/api/admin/alerts/messages/%d", m.ID), nil).JSON(t, &wecom)
			}
		}
		if wecom.Status != "sent" || len(wecom.Deliveries) != 2 || wecom.Deliveries[0].OK || !strings.HasPrefix(wecom.Deliveries[0].Answer, "HTTP 500") ||
			!wecom.Deliveries[1].OK || !strings.Contains(wecom.Deliveries[1].Answer, `"errcode":0`) {
			t.Fatalf("the 企业微信 message in the log: %+v", wecom)
		}

		broken.Store(false)
		e.s.App.Scheduler.RunNow("test.export")
		for i := 0; ; i++ {
			runs, _ := e.s.App.Scheduler.Runs(t.Context(), "test.export", 1)
			if len(runs) == 1 && runs[0].Status == "ok" {
				break
			}
			if i > 500 {
				t.Fatalf("run: %+v", runs)
			}
			waitABit()
		}
		e.evaluate()
		e.expectEach(2, "【已恢复】定时任务失败", "test.export")
		var active struct{ Alerts []alert.State }
		if res := e.admin.Do("GET", "/api/admin/alerts/active", nil); res.Status != http.StatusOK {
			t.Fatalf("active: %d", res.Status)
		} else {
			res.JSON(t, &active)
		}
		for _, a := range active.Alerts {
			if a.Item == "job:test.export" && a.ResolvedAt == nil {
				t.Fatalf("still open: %+v", a)
			}
		}
	})
}

var staffActor = audit.Actor{Name: "经办人"}

func dateOf(t time.Time) calendar.Date { return calendar.DateOf(t) }
