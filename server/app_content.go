package server

import (
	"context"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/notice"
)

// openContent builds the workday calendar, the catalogue and the notices,
// and seeds the calendar's built-in years and the catalogue on first start.
func (a *App) openContent(ctx context.Context) error {
	a.Calendar = calendar.NewService(a.DB, a.Clock, a.Cfg.TimeZone)
	a.OnStop(func(context.Context) { a.Calendar.Close() })
	if err := a.Calendar.Seed(ctx); err != nil {
		return err
	}
	a.Catalogue = catalogue.New(a.DB, a.Clock, a.Cfg.TimeZone)
	if err := a.Catalogue.Seed(ctx); err != nil {
		return err
	}
	a.Notices = notice.New(notice.Options{
		DB: a.DB, Clock: a.Clock, Location: a.Cfg.TimeZone, Calendar: a.Calendar, Settings: a.Settings,
		UploadLimit: a.Cfg.UploadLimit, Logger: a.Log,
	})
	// Versions approved before public texts were stored get theirs now,
	// every finding masked, before anything is served (R6).
	if n, err := a.Notices.FillPublicText(ctx); err != nil {
		return err
	} else if n > 0 {
		a.Log.Info("notice: public texts stored", "versions", n)
	}
	a.Catalogue.SetActivity(a.Notices)
	a.Calendar.Track(a.Notices)
	a.Metrics.MustRegister(a.Calendar.Collector())
	return nil
}
