package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/scheduler"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/stats"
	"github.com/hallcast/hallcast/web"
)

// logRetention says how long raw logs are kept; their daily figures are
// rolled up first and kept for good.
type logRetention struct {
	KioskVisitDays int `json:"kiosk_visit_days"`
}

var logRetentionSetting = settings.Definition{
	Key: "housekeeping.log_retention", Label: "日志保留", LabelEN: "Log retention",
	Help:    "kiosk_visit_days: 自助机使用记录保留天数（每日统计长期保留）",
	Default: logRetention{KioskVisitDays: 365},
	Validate: func(raw json.RawMessage) error {
		var r logRetention
		if err := json.Unmarshal(raw, &r); err != nil {
			return web.Invalid("value", web.CodeInvalid, "want {\"kiosk_visit_days\": n}")
		}
		var c web.Check
		c.Range("kiosk_visit_days", r.KioskVisitDays, 7, 3650)
		return c.Err()
	},
}

// openStats builds the daily statistics, its sources, the nightly
// roll-up and the pruning of the raw logs behind it.
func (a *App) openStats() {
	a.Stats = stats.New(a.DB, stats.Options{Clock: a.Clock, Location: a.Cfg.TimeZone, Logger: a.Log})
	a.Stats.Add(a.Kiosk)
	a.Stats.Add(a.Ratings)
	a.Stats.Add(a.Suggestions)
	a.Settings.Register(logRetentionSetting)
	a.Scheduler.Add(scheduler.Job{Name: "stats.rollup", Title: "每日统计汇总", TitleEN: "Roll up daily statistics",
		Spec: "20 1 * * *", Timeout: 30 * time.Minute, Run: func(ctx context.Context, _ time.Time) (string, error) {
			days, err := a.Stats.RollupDue(ctx)
			return fmt.Sprintf("%d days: %s", len(days), strings.Join(days, ", ")), err
		}})
	a.Scheduler.Add(scheduler.Job{Name: "housekeeping.prune_logs", Title: "按保留期清理日志", TitleEN: "Prune logs past retention",
		Spec: "40 4 * * *", Timeout: 30 * time.Minute, Run: a.PruneLogs})
}

// PruneLogs deletes raw logs past their retention, after making sure
// their days are rolled up.
func (a *App) PruneLogs(ctx context.Context, now time.Time) (string, error) {
	r, err := settings.Value[logRetention](ctx, a.Settings, logRetentionSetting.Key)
	if err != nil {
		return "", err
	}
	if _, err := a.Stats.RollupDue(ctx); err != nil {
		return "", err
	}
	n, err := a.Kiosk.PruneSessions(ctx, now.AddDate(0, 0, -r.KioskVisitDays))
	return fmt.Sprintf("%d kiosk visits removed", n), err
}
