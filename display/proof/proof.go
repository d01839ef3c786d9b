// Package proof keeps proof of play: every item a screen reports it
// played, daily aggregates per notice (plays, seconds on screen, distinct
// screens) rolled up by a nightly job, and their report as JSON and XLSX.
package proof

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the proof-of-play schema (it references devices).
var Migrations = store.Embedded("display_proof", migrationFS)

// RetentionSetting is how many days raw plays are kept
// (display.proof_retention_days); daily aggregates are kept for good.
var RetentionSetting = settings.Definition{
	Key: "display.proof_retention_days", Label: "播放记录保留", LabelEN: "Proof-of-play retention",
	Help:    "屏幕逐条播放记录保留天数（7–3650）；每日按信息汇总的播放统计长期保留。",
	Default: 90,
	Validate: func(raw json.RawMessage) error {
		var v int
		if err := json.Unmarshal(raw, &v); err != nil || v < 7 || v > 3650 {
			return web.Invalid("value", web.CodeInvalid, "want a number of days from 7 to 3650")
		}
		return nil
	},
}

// Titles gives the titles of notices (the notice package's read API,
// adapted by the server). A notice that is gone is simply missing.
type Titles interface {
	Titles(ctx context.Context, ids []int64) (map[int64]string, error)
}

// Options configure a Service.
type Options struct {
	DB       *store.DB
	Clock    clock.Clock
	Location *time.Location // days are cut at midnight here
	Logger   *slog.Logger
	Settings *settings.Service // holds RetentionSetting
	Titles   Titles
	// MaxAge is how old a reported play may be (default 30 days): a screen
	// keeps unacknowledged plays across reconnects, not forever.
	MaxAge time.Duration
}

// Service records plays and reports them.
type Service struct {
	db   *store.DB
	opts Options
}

// New returns a Service.
func New(o Options) *Service {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.MaxAge <= 0 {
		o.MaxAge = 30 * 24 * time.Hour
	}
	return &Service{db: o.DB, opts: o}
}

func (s *Service) now() time.Time { return s.opts.Clock.Now().UTC().Truncate(time.Microsecond) }

// today is the current day in the service's location.
func (s *Service) today() calendar.Date {
	return calendar.DateOf(s.opts.Clock.Now().In(s.opts.Location))
}

// dayOf is the day of an instant in the service's location.
func (s *Service) dayOf(t time.Time) calendar.Date { return calendar.DateOf(t.In(s.opts.Location)) }

// Retention returns the display.proof_retention_days setting.
func (s *Service) Retention(ctx context.Context) (time.Duration, error) {
	if s.opts.Settings == nil {
		return 90 * 24 * time.Hour, nil
	}
	d, err := settings.Value[int](ctx, s.opts.Settings, RetentionSetting.Key)
	if err != nil {
		return 0, fmt.Errorf("proof: %w", err)
	}
	return time.Duration(d) * 24 * time.Hour, nil
}

func wrap(what string, err error) error { return fmt.Errorf("proof: unable to %s: %w", what, err) }
