// Package rating is 好差评 (R9): citizens rate the service at the kiosk on
// five levels, optionally with reason tags, a comment and a case number,
// once per kiosk session; a bad rating opens a follow-up with a deadline
// in working days that admins assign and close with a resolution; and
// statistics by period and service.
package rating

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the rating schema (it references devices and users).
var Migrations = store.Embedded("rating", migrationFS)

// Level is a rating from 1 (非常不满意) to 5 (非常满意).
type Level int

// Labels are the five levels of R9, from 1 to 5.
var Labels = map[Level]string{5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}

// Bad reports whether a rating is a bad review (不满意, 非常不满意).
func (l Level) Bad() bool { return l <= 2 }

// Calendars gives the working-day calendar in force.
type Calendars interface {
	Calendar(ctx context.Context) (*calendar.Calendar, error)
}

// Config is what admins set: the follow-up deadline, the services to
// rate and the reason tags offered.
type Config struct {
	FollowupDays int      `json:"followup_days"`
	Services     []string `json:"services"`
	Tags         []string `json:"tags"`
}

// DefaultConfig is used until an admin changes the setting.
func DefaultConfig() Config {
	return Config{
		FollowupDays: 5,
		Services:     []string{"综合窗口", "社保医保", "不动产登记", "税务", "户籍证件", "其他"},
		Tags:         []string{"办事效率高", "服务态度好", "一次办成", "指引清楚", "等候时间长", "材料要求多", "多次跑腿", "态度不好", "指引不清"},
	}
}

// Options configure a Service.
type Options struct {
	Clock    clock.Clock
	Location *time.Location
	Calendar Calendars
	// Config returns the current configuration (a setting).
	Config func(ctx context.Context) Config
}

// Service stores ratings and follow-ups.
type Service struct {
	db   *store.DB
	opts Options
}

// New returns a Service.
func New(db *store.DB, o Options) *Service {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.Config == nil {
		o.Config = func(context.Context) Config { return DefaultConfig() }
	}
	return &Service{db: db, opts: o}
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var we *web.Error
	if errors.As(err, &we) {
		return err
	}
	var nc *calendar.NotCoveredError
	if errors.As(err, &nc) {
		return web.State("the working-day calendar has no holiday list for %d", nc.Year)
	}
	return fmt.Errorf("rating: unable to %s: %w", what, err)
}
