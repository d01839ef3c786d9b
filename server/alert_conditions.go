package server

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/notice"
)

// alertConditions registers what raises an alert (issue 22), each with
// the default of its rule.
func (a *App) alertConditions() {
	day := 24 * 60
	deadlines := []string{disclosure.Topic, calendar.Topic}
	for _, c := range []alert.Condition{
		{Kind: "request_due", Title: "依申请公开即将到期", TitleEN: "Disclosure request due soon", Unit: alert.UnitWorkdays, Threshold: 3, Max: 20,
			RemindMinutes: day, DefaultEnabled: true, Topics: deadlines, Check: deadlineCheck(a.requestDeadlines, false)},
		{Kind: "request_overdue", Title: "依申请公开已超期", TitleEN: "Disclosure request overdue", RemindMinutes: day, DefaultEnabled: true,
			Topics: deadlines, Check: deadlineCheck(a.requestDeadlines, true)},
		{Kind: "followup_due", Title: "差评回访即将到期", TitleEN: "Rating follow-up due soon", Unit: alert.UnitWorkdays, Threshold: 1, Max: 20,
			RemindMinutes: day, DefaultEnabled: true, Check: deadlineCheck(a.followupDeadlines, false)},
		{Kind: "followup_overdue", Title: "差评回访已超期", TitleEN: "Rating follow-up overdue", RemindMinutes: day, DefaultEnabled: true,
			Check: deadlineCheck(a.followupDeadlines, true)},
		{Kind: "suggestion_due", Title: "意见建议即将到期未答复", TitleEN: "Suggestion reply due soon", Unit: alert.UnitWorkdays, Threshold: 2, Max: 20,
			RemindMinutes: day, DefaultEnabled: true, Check: deadlineCheck(a.suggestionDeadlines, false)},
		{Kind: "suggestion_overdue", Title: "意见建议超期未答复", TitleEN: "Suggestion reply overdue", RemindMinutes: day, DefaultEnabled: true,
			Check: deadlineCheck(a.suggestionDeadlines, true)},
		{Kind: "category_overdue", Title: "栏目更新不及时", TitleEN: "Catalogue category past its cadence", RemindMinutes: 7 * day, DefaultEnabled: true,
			Topics: []string{notice.Topic, catalogue.Topic}, Check: a.overdueCategories},
		{Kind: "device_offline", Title: "屏幕或自助终端离线", TitleEN: "Screen or kiosk offline", Unit: alert.UnitMinutes, Threshold: 10, Min: 3, Max: 1440,
			RemindMinutes: 120, DefaultEnabled: true, Check: a.offlineDevices},
		{Kind: "emergency_unconfirmed", Title: "紧急插播未全部确认", TitleEN: "Emergency not confirmed by every target", Unit: alert.UnitMinutes,
			Threshold: 5, Min: 1, Max: 240, RemindMinutes: 30, Urgent: true, DefaultEnabled: true, Check: a.unconfirmedEmergencies},
		{Kind: "job_failed", Title: "定时任务失败", TitleEN: "Scheduled job failed", RemindMinutes: day, DefaultEnabled: true, Check: a.failedJobs},
		{Kind: "holidays_missing", Title: "缺少节假日安排", TitleEN: "Holiday list missing", RemindMinutes: 7 * day, DefaultEnabled: true,
			Topics: []string{calendar.Topic}, Check: a.missingHolidays},
		{Kind: "import_failed", Title: "档案导入失败", TitleEN: "Archive import failed", DefaultEnabled: true, Topics: []string{archive.Topic},
			Check: a.failedImports},
		{Kind: "disk_low", Title: "数据盘空间不足", TitleEN: "Disk nearly full", Unit: alert.UnitPercent, Threshold: 10, Min: 1, Max: 99,
			RemindMinutes: 6 * 60, Urgent: true, DefaultEnabled: true, Check: a.diskLow},
	} {
		a.Alerts.Register(c)
	}
}

func (a *App) overdueCategories(ctx context.Context, _ time.Time, _ int) ([]alert.Finding, error) {
	late, err := a.Catalogue.Overdue(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]alert.Finding, 0, len(late))
	for _, c := range late {
		last := "从未发布"
		if c.LastPublishedAt != nil {
			last = "上次发布 " + c.LastPublishedAt.In(a.Cfg.TimeZone).Format("2006-01-02")
		}
		out = append(out, alert.Finding{Item: fmt.Sprintf("category:%d", c.ID), Text: fmt.Sprintf("%s（%s，更新周期 %s）", c.Path, last, cadenceText(c.Cadence))})
	}
	return out, nil
}

func (a *App) unconfirmedEmergencies(ctx context.Context, now time.Time, minutes int) ([]alert.Finding, error) {
	list, err := a.Emergencies.List(ctx, 20)
	if err != nil {
		return nil, err
	}
	out := []alert.Finding{}
	for _, e := range list {
		if !e.Active || e.Confirmed >= e.Targets || now.Sub(e.CreatedAt) < time.Duration(minutes)*time.Minute {
			continue
		}
		out = append(out, alert.Finding{Item: fmt.Sprintf("emergency:%d", e.ID),
			Text: fmt.Sprintf("紧急插播 #%d「%s」发出 %d 分钟后 %d/%d 台已确认", e.ID, clipText(e.Text, 40), int(now.Sub(e.CreatedAt)/time.Minute), e.Confirmed, e.Targets)})
	}
	return out, nil
}

func (a *App) failedJobs(ctx context.Context, _ time.Time, _ int) ([]alert.Finding, error) {
	jobs, err := a.Scheduler.Jobs(ctx)
	if err != nil {
		return nil, err
	}
	out := []alert.Finding{}
	for _, j := range jobs {
		r := j.LastRun
		if r == nil {
			continue
		}
		switch r.Status {
		case "error":
			msg, _, _ := strings.Cut(r.Error, "\n")
			out = append(out, alert.Finding{Item: "job:" + j.Name, Text: fmt.Sprintf("%s（%s）%s 失败：%s", j.Title, j.Name,
				r.StartedAt.In(a.Cfg.TimeZone).Format("01-02 15:04"), clipText(msg, 200))})
		case "running", "skipped":
			// Not decided yet: an open alert stays open.
			out = append(out, alert.Finding{Item: "job:" + j.Name, Hold: true})
		}
	}
	return out, nil
}

func (a *App) missingHolidays(ctx context.Context, now time.Time, _ int) ([]alert.Finding, error) {
	st, err := a.Calendar.StatusOn(ctx, calendar.DateOf(now.In(a.Cfg.TimeZone)))
	if err != nil {
		return nil, err
	}
	out := []alert.Finding{}
	for _, y := range st.Missing {
		out = append(out, alert.Finding{Item: fmt.Sprintf("holidays:%d", y),
			Text: fmt.Sprintf("尚未导入 %d 年国务院办公厅节假日安排，涉及该年的期限按法定节假日预计计算", y)})
	}
	return out, nil
}

// failedImports finds the datasets whose latest finished import failed;
// a later successful import resolves it.
func (a *App) failedImports(ctx context.Context, _ time.Time, _ int) ([]alert.Finding, error) {
	list, err := a.Archive.Imports(ctx, 0, 500)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	if ds, err := a.Archive.Datasets(ctx); err == nil {
		for _, d := range ds {
			names[d.ID] = d.Name
		}
	}
	out, done := []alert.Finding{}, map[int64]bool{}
	for _, im := range list { // newest first
		if done[im.DatasetID] || im.State == archive.StateRunning || im.State == archive.StateCancelled {
			continue
		}
		done[im.DatasetID] = true
		if im.State == archive.StateFailed {
			msg, _, _ := strings.Cut(im.Error, "\n")
			out = append(out, alert.Finding{Item: fmt.Sprintf("import:%d", im.DatasetID),
				Text: fmt.Sprintf("档案库「%s」导入 %s 失败：%s", names[im.DatasetID], im.FileName, clipText(msg, 200))})
		}
	}
	return out, nil
}

func (a *App) diskLow(ctx context.Context, _ time.Time, percent int) ([]alert.Finding, error) {
	free, total, err := diskFree(a.Cfg.DataDir)
	if err != nil || total == 0 {
		return nil, err
	}
	left := float64(free) * 100 / float64(total)
	if left >= float64(percent) {
		return nil, nil
	}
	return []alert.Finding{{Item: "disk:data", Text: fmt.Sprintf("数据目录 %s 所在磁盘仅剩 %.1f%%（%d MB / %d MB）", a.Cfg.DataDir, left, free>>20, total>>20)}}, nil
}

// clipText cuts s to n characters.
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// cadenceText reads a cadence in Chinese: "2 周", "6 个月".
func cadenceText(c *catalogue.Cadence) string {
	if c == nil {
		return "无"
	}
	unit := map[catalogue.CadenceUnit]string{catalogue.CadenceDays: "天", catalogue.CadenceWeeks: "周", catalogue.CadenceMonths: "个月", catalogue.CadenceYears: "年"}[c.Unit]
	return fmt.Sprintf("%d %s", c.N, unit)
}
