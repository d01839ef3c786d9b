package server

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/handwriting"
	"github.com/hallcast/hallcast/kiosk"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/scheduler"
	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/suggestion"
	"github.com/hallcast/hallcast/web"
)

// kioskContent is what the kiosk and the search index read notices from:
// the notice service (noticeContent).
type kioskContent interface {
	kiosk.Content
	search.Source
}

// openKiosk builds the kiosk side: search index and its sync, ratings,
// suggestions, disclosure requests, the kiosk API and push handler.
func (a *App) openKiosk(ctx context.Context) error {
	cal := a.Calendar
	a.Settings.Register(kiosk.IdleSetting)
	a.Settings.Register(kiosk.LookupSetting)
	a.Settings.Register(ratingSetting)
	a.Settings.Register(dueSoonSetting)
	if a.KioskContent == nil {
		a.KioskContent = noticeContent{a}
	}
	loc := a.Cfg.TimeZone
	a.Search = search.New(a.DB, a.Log)
	a.Handwriting = handwriting.NewService(a.Cfg.HandwritingModel, a.Log)
	a.Ratings = rating.New(a.DB, rating.Options{Clock: a.Clock, Location: loc, Calendar: cal, Config: a.ratingConfig})
	a.Suggestions = suggestion.New(a.DB, suggestion.Options{Clock: a.Clock, Location: loc, Keys: a.ContactKeys})
	a.Disclosure = disclosure.New(a.DB, disclosure.Options{Clock: a.Clock, Location: loc, Calendar: cal, Logger: a.Log,
		UploadLimit: a.Cfg.UploadLimit, Keys: a.ContactKeys,
		DueSoonDays: func(ctx context.Context) int {
			v, _ := settings.Value[int](ctx, a.Settings, dueSoonSetting.Key)
			return v
		}})
	idle := func(ctx context.Context) kiosk.Idle {
		v, err := settings.Value[kiosk.Idle](ctx, a.Settings, kiosk.IdleSetting.Key)
		if err != nil {
			return kiosk.DefaultIdle()
		}
		return v
	}
	a.Kiosk = kiosk.New(kiosk.Options{DB: a.DB, Content: a.KioskContent, Search: a.Search, Ratings: a.Ratings,
		Suggestions: a.Suggestions, Disclosure: a.Disclosure, Calendar: cal, Clock: a.Clock, Location: loc, Logger: a.Log,
		Idle: idle, RatingConfig: a.ratingConfig, Lockout: a.Lockout, LookupProtection: func(ctx context.Context) kiosk.LookupProtection {
			v, err := settings.Value[kiosk.LookupProtection](ctx, a.Settings, kiosk.LookupSetting.Key)
			if err != nil {
				return kiosk.DefaultLookupProtection()
			}
			return v
		}})
	cal.Track(a.Ratings)
	cal.Track(a.Disclosure)

	if n, err := a.Search.Rebuild(ctx, a.KioskContent); err != nil {
		return err
	} else if n > 0 {
		a.Log.Info("search: index rebuilt", "changed", n)
	}
	a.Scheduler.Add(scheduler.Job{Name: "search.compact", Title: "整理全文索引", TitleEN: "Compact the search index",
		Spec: "40 3 * * *", Timeout: 30 * time.Minute, Run: func(ctx context.Context, _ time.Time) (string, error) {
			n, err := a.Search.Compact(ctx)
			return fmt.Sprintf("%d merge steps", n), err
		}})
	p := kiosk.NewPush(a.Hub, idle, func() clock.Reading { return clock.Read(a.Clock, a.Cfg.TimeZone) }, a.Log)
	p.OnHeartbeat(func(c *push.Client) { a.Devices.Alive(context.Background(), &c.Device) })
	a.Hub.Handle(device.KindKiosk, p)
	if err := a.openSite(ctx); err != nil {
		return err
	}
	// One subscription, in order: the index takes each change in, then
	// kiosks and the public web edition hear of it, so a kiosk that
	// reloads (and a web page built afresh) finds what changed.
	sub := a.DB.Bus().Subscribe(search.Topic, catalogue.Topic)
	go a.Search.Follow(context.WithoutCancel(ctx), a.KioskContent, sub, func(ev store.Event) {
		p.Changed(ev)
		a.Site.Changed(ev)
	})
	a.OnStop(func(context.Context) { sub.Close() })
	return nil
}

func (a *App) ratingConfig(ctx context.Context) rating.Config {
	v, err := settings.Value[rating.Config](ctx, a.Settings, ratingSetting.Key)
	if err != nil {
		return rating.DefaultConfig()
	}
	return v
}

var ratingSetting = settings.Definition{
	Key: "rating.config", Label: "好差评", LabelEN: "Service ratings",
	Help:    "followup_days：差评回访期限（工作日，1–30）；services：可评价的服务；tags：评价理由标签。",
	Default: rating.DefaultConfig(),
	Validate: func(raw json.RawMessage) error {
		var v rating.Config
		if err := json.Unmarshal(raw, &v); err != nil {
			return web.Invalid("value", web.CodeInvalid, "want {\"followup_days\":5,\"services\":[...],\"tags\":[...]}")
		}
		var c web.Check
		c.Range("followup_days", v.FollowupDays, 1, 30)
		c.That(len(v.Services) >= 1 && len(v.Services) <= 30, "services", web.CodeOutOfRange, "1 to 30 services")
		c.That(len(v.Tags) <= 30, "tags", web.CodeOutOfRange, "at most 30 tags")
		return c.Err()
	},
}

var dueSoonSetting = settings.Definition{
	Key: "disclosure.due_soon_days", Label: "依申请公开临期提醒", LabelEN: "Disclosure requests: due soon",
	Help:    "距答复期限还剩多少个工作日时在工作台标记“即将到期”（0–10）。",
	Default: 3,
	Validate: func(raw json.RawMessage) error {
		var v int
		if err := json.Unmarshal(raw, &v); err != nil || v < 0 || v > 10 {
			return web.Invalid("value", web.CodeOutOfRange, "want a whole number from 0 to 10")
		}
		return nil
	},
}
