package server

import (
	"context"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/site"
)

// openSite builds the public web edition (/gk/, server/routes_site.go)
// on the services the kiosk uses. Its page cache follows notice and
// catalogue changes after the search index (openKiosk calls Changed) and
// follows calendar and settings changes itself.
func (a *App) openSite(ctx context.Context) error {
	a.Settings.Register(site.NameSetting)
	s, err := site.New(ctx, site.Options{
		DB: a.DB, Notices: a.Notices, Index: a.Search, Catalogue: a.Catalogue, Calendar: a.Calendar,
		Disclosure: a.Disclosure, Suggestions: a.Suggestions, Ratings: a.Ratings, RatingConfig: a.ratingConfig,
		Name: func(ctx context.Context) string {
			v, err := settings.Value[string](ctx, a.Settings, site.NameSetting.Key)
			if err != nil || v == "" {
				return site.DefaultName
			}
			return v
		},
		Clock: a.Clock, Location: a.Cfg.TimeZone, Logger: a.Log, BaseURL: a.Cfg.BaseURL, Secure: a.https(),
		// The web's status look-ups count their misses with the kiosks'
		// (per address and per tracking number, shared by instances).
		Guard: func(ctx context.Context, address, what, trackingNo string, find func() error) error {
			return a.Kiosk.GuardStatusLookup(ctx, "", address, what, trackingNo, find)
		},
	})
	if err != nil {
		return err
	}
	a.Site = s
	sub := a.DB.Bus().Subscribe(calendar.Topic, settings.Topic)
	go s.Follow(sub)
	a.OnStop(func(context.Context) { sub.Close() })
	return nil
}
