package alert_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestQuietHoursHoldForOneDigest: from 22:00 to 07:30 a non-urgent alert
// (and its resolution) waits; an urgent one goes out at once; at 07:30
// each recipient gets one digest with what was held.
func TestQuietHoursHoldForOneDigest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		raw, _ := json.Marshal(alert.QuietHours{Enabled: true, Start: "22:00", End: "07:30"})
		if err := e.settings.Set(ctx, admin, alert.QuietHoursKey, raw); err != nil {
			t.Fatal(err)
		}
		e.clock.Set(time.Date(2026, 11, 23, 23, 0, 0, 0, shanghai))
		e.normal.set(alert.Finding{Item: "screen:3", Text: "屏幕「二楼电梯厅」离线 12 分钟"}, alert.Finding{Item: "category:9", Text: "工作动态（更新周期 2 周）"})
		e.urgent.set(alert.Finding{Item: "disk:data", Text: "数据目录所在磁盘仅剩 4.0%"})
		if res := e.evaluate(); res.Started != 3 || res.Queued != 10 {
			t.Fatalf("at 23:00: %+v", res)
		}
		e.expectEach(1, "【告警】紧急插播未全部确认", "仅剩 4.0%")

		e.clock.Set(time.Date(2026, 11, 24, 2, 0, 0, 0, shanghai))
		e.normal.set(alert.Finding{Item: "category:9", Text: "工作动态（更新周期 2 周）"}) // the screen came back
		if res := e.evaluate(); res.Resolved != 1 || res.Reminded != 0 {
			t.Fatalf("at 02:00: %+v", res)
		}
		e.expectEach(1)

		e.clock.Set(time.Date(2026, 11, 24, 7, 29, 0, 0, shanghai))
		e.evaluate()
		e.expectEach(1)
		e.clock.Set(time.Date(2026, 11, 24, 7, 30, 0, 0, shanghai))
		if res := e.evaluate(); res.Queued != 5 {
			t.Fatalf("at 07:30: %+v", res)
		}
		e.expectEach(2, "【免打扰期间汇总】2 条消息", "【告警】栏目更新不及时（2 项）", "二楼电梯厅", "【已恢复】栏目更新不及时", "工作动态")
		e.evaluate()
		e.expectEach(2)
		box := e.inbox()
		if strings.Count(box["duty@hall.example"][1], "二楼电梯厅") != 2 {
			t.Fatalf("digest: %s", box["duty@hall.example"][1])
		}
	}, migrations...)
}

// TestRuleOffAndFailedChecks: a check that fails leaves the open alerts
// as they were (no "resolved"); a rule turned off closes its alerts
// without a message; a rule without a group sends nothing but keeps its
// alerts on the page.
func TestRuleOffAndFailedChecks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.normal.set(alert.Finding{Item: "request:4", Text: "依申请公开 YSQ-2026-0004 还剩 1 个工作日到期"})
		e.evaluate()
		e.expectEach(1)
		// Held (a job running again): open, its text kept, nothing sent.
		e.normal.set(alert.Finding{Item: "request:4", Hold: true})
		if res := e.evaluate(); res.Open != 1 || res.Queued != 0 {
			t.Fatalf("held: %+v", res)
		}
		if st, _ := e.svc.States(context.Background(), 0); len(st) != 1 || st[0].Text != "依申请公开 YSQ-2026-0004 还剩 1 个工作日到期" {
			t.Fatalf("held state: %+v", st)
		}
		e.normal.fail(context.DeadlineExceeded)
		if res := e.evaluate(); res.Failed != 1 || res.Resolved != 0 || res.Open != 1 {
			t.Fatalf("failed check: %+v", res)
		}
		r := e.rule("test")
		r.Enabled = false
		e.saveRule(r)
		if res := e.evaluate(); res.Open != 0 || res.Queued != 0 {
			t.Fatalf("rule off: %+v", res)
		}
		e.expectEach(1)

		r.Enabled, r.GroupID = true, nil
		e.saveRule(r)
		e.normal.set(alert.Finding{Item: "request:4", Text: "依申请公开 YSQ-2026-0004 今天到期"})
		if res := e.evaluate(); res.Started != 1 || res.Queued != 0 || res.Open != 1 {
			t.Fatalf("no group: %+v", res)
		}
		e.expectEach(1)

		if _, err := e.svc.SaveRule(context.Background(), admin, 0, alert.RuleInput{Condition: "urgent", Enabled: true, Threshold: 0}); err == nil ||
			!strings.Contains(err.Error(), "threshold") {
			t.Fatalf("threshold 0 of 1..60: %v", err)
		}
		if _, err := e.svc.SaveRule(context.Background(), admin, 0, alert.RuleInput{Condition: "nothing"}); err == nil {
			t.Fatal("a rule for an unknown condition")
		}
	}, migrations...)
}
