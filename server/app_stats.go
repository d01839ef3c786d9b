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
	KioskVisitDays   int `json:"kiosk_visit_days"`
	ArchiveQueryDays int `json:"archive_query_days"`
}

// filled takes defaults for fields a stored value predates.
func (r logRetention) filled() logRetention {
	def := logRetentionSetting.Default.(logRetention)
	if r.KioskVisitDays <= 0 {
		r.KioskVisitDays = def.KioskVisitDays
	}
	if r.ArchiveQueryDays <= 0 {
		r.ArchiveQueryDays = def.ArchiveQueryDays
	}
	return r
}

var logRetentionSetting = settings.Definition{
	Key: "housekeeping.log_retention", Label: "日志保留", LabelEN: "Log retention",
	Help:    "kiosk_visit_days: 自助机使用记录保留天数；archive_query_days: 档案查询审计记录保留天数（每日统计长期保留）",
	Default: logRetention{KioskVisitDays: 365, ArchiveQueryDays: 1095},
	Validate: func(raw json.RawMessage) error {
		var r logRetention
		if err := json.Unmarshal(raw, &r); err != nil {
			return web.Invalid("value", web.CodeInvalid, "want {\"kiosk_visit_days\": n, \"archive_query_days\": n}")
		}
		var c web.Check
		c.Range("kiosk_visit_days", r.KioskVisitDays, 7, 3650)
		c.Range("archive_query_days", r.ArchiveQueryDays, 30, 3650)
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
	r = r.filled()
	if _, err := a.Stats.RollupDue(ctx); err != nil {
		return "", err
	}
	n, err := a.Kiosk.PruneSessions(ctx, now.AddDate(0, 0, -r.KioskVisitDays))
	if err != nil {
		return "", err
	}
	q, err := a.Archive.PruneQueries(ctx, now.AddDate(0, 0, -r.ArchiveQueryDays))
	return fmt.Sprintf("%d kiosk visits, %d archive queries removed", n, q), err
}
