// Package server wires the domain packages into one application: it opens
// the database, builds the services, declares every route (one routes file
// per surface) and runs the HTTP server with a graceful shutdown.
package server

import (
	"context"
	"crypto/x509"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/labstack/echo/v4"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/display/proof"
	"github.com/hallcast/hallcast/display/status"
	"github.com/hallcast/hallcast/emergency"
	"github.com/hallcast/hallcast/feed"
	"github.com/hallcast/hallcast/handwriting"
	"github.com/hallcast/hallcast/kiosk"
	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/rating"
	"github.com/hallcast/hallcast/scheduler"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/site"
	"github.com/hallcast/hallcast/static"
	"github.com/hallcast/hallcast/stats"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/suggestion"
)

// Migrations lists every component's schema in the order they are applied
// (a component may reference tables of the ones before it).
func Migrations() []store.Migrations {
	return []store.Migrations{
		audit.Migrations,
		auth.Migrations,
		settings.Migrations,
		lockout.Migrations,
		calendar.Migrations,
		catalogue.Migrations,
		notice.Migrations,
		device.Migrations,
		scheduler.Migrations,
		feed.Migrations,
		archive.Migrations,
		search.Migrations,
		kiosk.Migrations,
		rating.Migrations,
		sealed.Migrations,
		suggestion.Migrations,
		disclosure.Migrations,
		stats.Migrations,
		display.Migrations,
		status.Migrations,
		proof.Migrations,
		emergency.Migrations,
		alert.Migrations,
		site.Migrations,
	}
}

// App is the assembled server: configuration, database and services.
type App struct {
	Cfg       *config.Config
	Log       *slog.Logger
	DB        *store.DB
	Clock     clock.Clock
	Metrics   *prometheus.Registry
	Auth      *auth.Service
	Settings  *settings.Service
	Devices   *device.Service
	Hub       *push.Hub
	Scheduler *scheduler.Scheduler
	Feeds     *feed.Service
	Static    *static.Server
	// Calendar holds the workday calendar (R3); every deadline and notice
	// period is computed with Calendar.Calendar(ctx).
	Calendar  *calendar.Service
	Catalogue *catalogue.Service
	Notices   *notice.Service
	// Display is the screens domain; DisplayPush keeps screens on their
	// playlists (server/app_display.go).
	Display     *display.Service
	DisplayPush *display.Push
	Archive     *archive.Service
	// Lockout counts the misses of kiosk look-ups (archive, suggestion
	// and request status), shared with the other instances.
	Lockout *lockout.Guard
	// ArchiveKiosk serves archive lookups to kiosks; its KioskID comes
	// from the kiosk's device token.
	ArchiveKiosk *archive.KioskHandler

	// The kiosk side (server/kiosk.go). KioskContent is the notice
	// service (noticeContent) unless a test sets another before Open.
	KioskContent kioskContent
	Search       *search.Service
	Ratings      *rating.Service
	Suggestions  *suggestion.Service
	Disclosure   *disclosure.Service
	Kiosk        *kiosk.API
	// Handwriting recognises what citizens write on the kiosk's pad.
	Handwriting *handwriting.Service
	// Site is the public web edition at /gk/ (server/app_site.go).
	Site *site.Site
	// Stats keeps daily figures rolled up from the raw logs.
	Stats *stats.Service
	// Emergencies is the emergency broadcaster (server/app_emergency.go).
	Emergencies *emergency.Service
	// ContactKeys seal citizens' personal data (server/app_contact.go).
	ContactKeys *sealed.Keyring

	// ScreenStatus monitors screens; Proof keeps proof of play
	// (server/app_monitor.go).
	ScreenStatus *status.Tracker
	Proof        *proof.Service

	// Alerts tell people what needs them (server/app_alert.go).
	Alerts *alert.Service

	// readyDir is where /readyz writes its probe file (server/ready.go).
	readyDir atomic.Pointer[string]

	// stoppers run at shutdown, last added first.
	stoppers []func(ctx context.Context)
	// routeTable records the admin API routes and their roles.
	routeTable  []AdminRoute
	handlerOnce sync.Once
	echo        *echo.Echo
}

// Options adjust an App for tests.
type Options struct {
	Clock      clock.Clock
	BcryptCost int
	// AlertRootCAs verifies the SMTP and HTTPS servers of alert channels
	// (nil: the system's roots).
	AlertRootCAs *x509.CertPool
}

// Open opens and migrates the database and builds the services.
func Open(ctx context.Context, cfg *config.Config, log *slog.Logger, o Options) (*App, error) {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	db, err := store.Open(ctx, store.Options{URL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath(), MaxConns: cfg.DBMaxConns, Logger: log})
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx, Migrations()...); err != nil {
		db.Close()
		return nil, err
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	a := &App{
		Cfg: cfg, Log: log, DB: db, Clock: o.Clock, Metrics: reg, Static: static.NewServer(),
	}
	if err := a.openContactKeys(ctx); err != nil {
		db.Close()
		return nil, err
	}
	a.Auth = auth.New(db, auth.Options{
		SessionTTL: cfg.SessionTTL, BcryptCost: o.BcryptCost, Clock: o.Clock, Logger: log, SecureCookies: a.https(),
		Location: cfg.TimeZone,
	})
	a.Settings = settings.New(db, o.Clock)
	a.Devices = device.New(db, device.Options{Clock: o.Clock, Logger: log})
	a.Hub = push.NewHub(push.Options{Logger: log, Registerer: reg, AllowedOrigins: trustedOrigins(cfg.AllowedOrigins, cfg.BaseURL), SendBuffer: 32 << 10})
	devices := db.Bus().Subscribe(device.Topic)
	go a.Hub.FollowDevices(devices)
	a.OnStop(func(ctx context.Context) {
		devices.Close()
		a.Devices.Close()
		a.Hub.Shutdown(ctx)
	})
	if err := a.openContent(ctx); err != nil {
		a.Close(ctx)
		return nil, fmt.Errorf("server: %w", err)
	}
	a.openMonitor()
	if err := a.openDisplay(ctx); err != nil {
		a.Close(ctx)
		return nil, fmt.Errorf("server: %w", err)
	}
	if err := a.openArchive(ctx, o); err != nil {
		a.Close(ctx)
		return nil, fmt.Errorf("server: %w", err)
	}
	a.Scheduler = scheduler.New(db, scheduler.Options{Clock: o.Clock, Location: cfg.TimeZone, Logger: log})
	a.Feeds = feed.New(db, feedDrafts{a}, feed.Options{Clock: o.Clock, Location: cfg.TimeZone, Logger: log, CheckTarget: a.checkFeedTarget})
	if err := a.openKiosk(ctx); err != nil {
		a.Close(ctx)
		return nil, err
	}
	a.openStats()
	if err := a.openEmergency(ctx); err != nil {
		a.Close(ctx)
		return nil, fmt.Errorf("server: %w", err)
	}
	a.housekeeping()
	a.monitorJobs()
	if err := a.openAlerts(ctx, o); err != nil {
		a.Close(ctx)
		return nil, fmt.Errorf("server: %w", err)
	}
	if err := a.Scheduler.Start(ctx); err != nil {
		a.Close(ctx)
		return nil, err
	}
	a.OnStop(a.Scheduler.Stop)
	return a, nil
}

// OnStop registers f to run at shutdown, before the database closes.
func (a *App) OnStop(f func(ctx context.Context)) { a.stoppers = append(a.stoppers, f) }

// Close runs the stop hooks and closes the database.
func (a *App) Close(ctx context.Context) {
	for i := len(a.stoppers) - 1; i >= 0; i-- {
		a.stoppers[i](ctx)
	}
	a.stoppers = nil
	if err := a.DB.Close(); err != nil {
		a.Log.Error("server: closing the database", "err", err)
	}
}

// https reports whether clients reach the server over HTTPS.
func (a *App) https() bool {
	return a.Cfg.TLS() || strings.HasPrefix(a.Cfg.BaseURL, "https://")
}
