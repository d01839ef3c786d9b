package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/hallcast/hallcast/display/proof"
	"github.com/hallcast/hallcast/display/status"
	"github.com/hallcast/hallcast/scheduler"
	"github.com/hallcast/hallcast/web"
)

// openMonitor builds screen monitoring (display/status) and proof of play
// (display/proof), before the screens' push handler that feeds them.
func (a *App) openMonitor() {
	a.Settings.Register(status.OfflineSetting)
	a.Settings.Register(proof.RetentionSetting)
	a.ScreenStatus = status.New(a.DB, status.Options{Clock: a.Clock, Logger: a.Log, Settings: a.Settings, Titles: noticeTitles{a}})
	a.ScreenStatus.Start()
	a.OnStop(a.ScreenStatus.Close)
	a.Metrics.MustRegister(a.ScreenStatus.Collector())
	a.Proof = proof.New(proof.Options{DB: a.DB, Clock: a.Clock, Location: a.Cfg.TimeZone, Logger: a.Log,
		Settings: a.Settings, Titles: noticeTitles{a}})
}

// monitorJobs registers the nightly proof-of-play roll-up, which also
// prunes raw plays past their retention once their days are rolled up.
func (a *App) monitorJobs() {
	a.Scheduler.Add(scheduler.Job{Name: "display.rollup", Title: "屏幕播放统计汇总", TitleEN: "Roll up proof of play",
		Spec: "10 1 * * *", Timeout: 30 * time.Minute, Run: func(ctx context.Context, _ time.Time) (string, error) {
			days, err := a.Proof.RollupDue(ctx)
			if err != nil {
				return "", err
			}
			n, err := a.Proof.Prune(ctx)
			return fmt.Sprintf("%d days rolled up (%s), %d plays pruned", len(days), strings.Join(days, ", "), n), err
		}})
}

// noticeTitles reads notice titles through the notice service: the
// public title (R6) of the version screens show (the live one), else of
// the current one.
type noticeTitles struct{ a *App }

func (n noticeTitles) Titles(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	for _, id := range ids {
		d, err := n.a.Notices.Detail(ctx, id)
		var we *web.Error
		if errors.As(err, &we) && we.Status == http.StatusNotFound {
			continue // a notice deleted since it played
		}
		if err != nil {
			return nil, err
		}
		v := d.Live
		if v == nil {
			v = d.Current
		}
		switch {
		case v == nil:
		case v.Public != nil:
			out[id] = v.Public.Title
		default:
			out[id] = v.Title
		}
	}
	return out, nil
}
