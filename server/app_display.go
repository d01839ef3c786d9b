package server

import (
	"bytes"
	"context"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
)

// openDisplay builds the screens domain after the notices (whose target
// groups it validates), registers the screens' push handler and follows
// the change bus so every connected screen gets its new playlist.
func (a *App) openDisplay(ctx context.Context) error {
	a.Display = display.New(display.Options{
		DB: a.DB, Clock: a.Clock, Location: a.Cfg.TimeZone, Notices: a.Notices, Calendar: a.Calendar,
		Policy: a.maskingPolicy, Devices: a.Devices, Stats: hallStats{a}, Logger: a.Log,
	})
	a.Notices.SetGroupChecker(a.Display)
	a.DisplayPush = display.NewPush(a.Display, a.Hub, a.screenTracker(), a.screenRecorder())
	a.Hub.Handle(device.KindScreen, a.DisplayPush)
	sub := a.DB.Bus().Subscribe(notice.Topic, display.Topic, device.Topic, calendar.Topic, catalogue.Topic, settings.Topic,
		store.TopicResync)
	go a.DisplayPush.Follow(sub)
	a.OnStop(func(context.Context) {
		sub.Close()
		a.DisplayPush.Close()
	})
	return nil
}

// maskingPolicy is the configured masking policy (R6) that screens' texts
// pass through.
func (a *App) maskingPolicy(ctx context.Context) (privacy.Policy, error) {
	raw, err := a.Settings.Raw(ctx, notice.SettingPolicy)
	if err != nil {
		return privacy.Policy{}, err
	}
	return privacy.LoadPolicy(bytes.NewReader(raw))
}

// screenTracker is the screens' liveness tracker (display/status,
// server/app_monitor.go).
func (a *App) screenTracker() display.Tracker { return a.ScreenStatus }

// screenRecorder keeps proof of play (display/proof).
func (a *App) screenRecorder() display.Recorder { return a.Proof }

// hallStats feeds the screens' stats widget: today's ratings (R9) and the
// share of them that are not bad reviews. Figures refresh whenever the
// screens' playlists are resolved again.
type hallStats struct{ a *App }

func (h hallStats) HallStats(ctx context.Context) (map[string]any, error) {
	if h.a.Ratings == nil {
		return nil, nil
	}
	now := h.a.Clock.Now().In(h.a.Cfg.TimeZone)
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	rows, err := h.a.Ratings.DailyStats(ctx, day, day.AddDate(0, 0, 1))
	if err != nil {
		return nil, err
	}
	var total, good int64
	for _, r := range rows {
		total += r.Value
		if !rating.Level(r.Subject).Bad() {
			good += r.Value
		}
	}
	out := map[string]any{"rated_today": total}
	if total > 0 {
		out["satisfaction"] = float64(good) / float64(total)
	}
	return out, nil
}
