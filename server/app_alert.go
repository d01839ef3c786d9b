package server

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/scheduler"
)

// openAlerts builds the alerts (电子监察): the conditions of the domain
// services, the minute job that evaluates them, the daily pruning of the
// delivery log, and the worker that sends.
func (a *App) openAlerts(ctx context.Context, o Options) error {
	key, err := AlertKey(a.Cfg)
	if err != nil {
		return err
	}
	a.Alerts, err = alert.New(alert.Options{DB: a.DB, Clock: a.Clock, Location: a.Cfg.TimeZone, Logger: a.Log, Settings: a.Settings,
		Key: key, BaseURL: a.Cfg.BaseURL, RootCAs: o.AlertRootCAs})
	if err != nil {
		return err
	}
	a.alertConditions()
	a.Scheduler.Add(scheduler.Job{Name: "alert.evaluate", Title: "告警检查", TitleEN: "Check alert conditions",
		Spec: "* * * * *", Timeout: 5 * time.Minute, Run: func(ctx context.Context, _ time.Time) (string, error) {
			res, err := a.Alerts.Evaluate(ctx, "")
			if err != nil {
				return "", err
			}
			if res.Failed > 0 {
				return "", fmt.Errorf("%s", res)
			}
			return res.String(), nil
		}})
	a.Scheduler.Add(scheduler.Job{Name: "alert.prune", Title: "清理告警发送记录", TitleEN: "Prune the alert log",
		Spec: "50 4 * * *", Run: func(ctx context.Context, _ time.Time) (string, error) {
			n, err := a.Alerts.Prune(ctx, 180*24*time.Hour)
			return fmt.Sprintf("%d messages removed", n), err
		}})
	if err := a.Alerts.Start(ctx); err != nil {
		return err
	}
	a.OnStop(a.Alerts.Close)
	return nil
}

// AlertKey returns the key sealing alert channel secrets: the configured
// one, or the key file in the data folder, created on first use.
func AlertKey(cfg *config.Config) ([]byte, error) {
	if cfg.AlertKey != nil {
		return cfg.AlertKey, nil
	}
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("server: unable to create the data folder: %w", err)
	}
	return alert.LoadOrCreateKey(cfg.AlertKeyPath())
}
