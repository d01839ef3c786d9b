package server

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"github.com/hallcast/hallcast/backup"
	"github.com/hallcast/hallcast/scheduler"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Retention settings of the housekeeping jobs.
type retention struct {
	BackupsKept int `json:"backups_kept"`
	JobRunDays  int `json:"job_run_days"`
}

func (r retention) validate() error {
	var c web.Check
	c.Range("backups_kept", r.BackupsKept, 1, 365)
	c.Range("job_run_days", r.JobRunDays, 1, 3650)
	return c.Err()
}

// housekeeping registers the jobs that keep the server tidy: session
// pruning, run-history pruning and, on SQLite, the nightly backup.
func (a *App) housekeeping() {
	a.contentJobs()
	a.deadlineJobs()
	a.Settings.Register(settings.Definition{
		Key: "housekeeping.retention", Label: "数据保留", LabelEN: "Retention",
		Help:    "backups_kept: 保留的数据库备份份数；job_run_days: 定时任务运行记录保留天数",
		Default: retention{BackupsKept: 7, JobRunDays: 90},
		Validate: func(raw json.RawMessage) error {
			var r retention
			if err := json.Unmarshal(raw, &r); err != nil {
				return web.Invalid("value", web.CodeInvalid, "want {\"backups_kept\": n, \"job_run_days\": n}")
			}
			return r.validate()
		},
	})
	a.Scheduler.Add(scheduler.Job{Name: "auth.prune_sessions", Title: "清理过期会话", TitleEN: "Prune expired sessions",
		Spec: "17 * * * *", Run: func(ctx context.Context, _ time.Time) (string, error) {
			n, err := a.Auth.PruneSessions(ctx)
			return fmt.Sprintf("%d sessions removed", n), err
		}})
	a.Scheduler.Add(scheduler.Job{Name: "scheduler.prune_runs", Title: "清理任务运行记录", TitleEN: "Prune job history",
		Spec: "10 4 * * *", Run: func(ctx context.Context, _ time.Time) (string, error) {
			r, err := settings.Value[retention](ctx, a.Settings, "housekeeping.retention")
			if err != nil {
				return "", err
			}
			n, err := a.Scheduler.Prune(ctx, time.Duration(r.JobRunDays)*24*time.Hour)
			return fmt.Sprintf("%d runs removed", n), err
		}})
	a.Scheduler.Add(scheduler.Job{Name: "feed.poll", Title: "抓取信息源", TitleEN: "Fetch content feeds",
		Spec: "30 * * * * *", Timeout: 5 * time.Minute, Run: a.Feeds.Poll})
	if a.DB.Dialect() == store.SQLite {
		a.Scheduler.Add(scheduler.Job{Name: "backup.nightly", Title: "数据库夜间备份", TitleEN: "Nightly database backup",
			Spec: "0 3 * * *", Timeout: time.Hour, Run: func(ctx context.Context, _ time.Time) (string, error) {
				r, err := settings.Value[retention](ctx, a.Settings, "housekeeping.retention")
				if err != nil {
					return "", err
				}
				res, err := backup.Run(ctx, a.DB, filepath.Join(a.Cfg.DataDir, "backups"), r.BackupsKept, a.Clock.Now().In(a.Cfg.TimeZone))
				if err != nil {
					return "", err
				}
				return fmt.Sprintf("%s and its records file (%d bytes), %d old files removed", filepath.Base(res.Path), res.Size, len(res.Removed)), nil
			}})
	}
}
