// Package emergency is the emergency broadcast (插播): an admin sends a
// text and a level to chosen screen groups, to every screen and optionally
// to every kiosk, with an expiry. Personal data in the text is masked
// before it is stored (R6). The target list is stored when it is
// sent; every instance pushes it to the targets connected to it (the
// change bus carries the news), to screens that connect while it is
// active, and clears it by hand or at expiry. Each screen's ack is stored
// once, so the admin page shows "confirmed N of M" across instances.
package emergency

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/privacy"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the emergency schema (it references users and devices).
var Migrations = store.Embedded("emergency", migrationFS)

// Topic is the change-bus topic: ID is the emergency, Data {"event":
// "sent"|"cleared"}.
const Topic = "emergency"

// MaxDuration is the longest an emergency may stay on screen.
const MaxDuration = 24 * time.Hour

// MaxText is the longest emergency text, in characters.
const MaxText = 500

// The levels.
const (
	LevelInfo     = "info"
	LevelWarning  = "warning"
	LevelCritical = "critical"
)

// Emergency is one broadcast.
type Emergency struct {
	ID         int64      `db:"id" json:"id"`
	Text       string     `db:"text" json:"text"`
	Level      string     `db:"level" json:"level"`
	AllScreens bool       `db:"all_screens" json:"all_screens"`
	GroupIDs   string     `db:"group_ids" json:"-"`
	Groups     []int64    `db:"-" json:"groups"`
	Kiosks     bool       `db:"kiosks" json:"kiosks"`
	CreatedAt  time.Time  `db:"created_at" json:"created_at"`
	CreatedBy  *int64     `db:"created_by" json:"created_by,omitempty"`
	ExpiresAt  time.Time  `db:"expires_at" json:"expires_at"`
	ClearedAt  *time.Time `db:"cleared_at" json:"cleared_at,omitempty"`
	ClearedBy  *int64     `db:"cleared_by" json:"cleared_by,omitempty"`
	// TargetCount is how many devices it was sent to.
	TargetCount int `db:"target_count" json:"target_count"`
}

const columns = "id, text, level, all_screens, group_ids, kiosks, created_at, created_by, expires_at, cleared_at, cleared_by, target_count"

// snapshot is the stored target list: parallel arrays keep the document
// small for tens of thousands of screens.
type snapshot struct {
	IDs   []int64  `json:"ids"`
	Names []string `json:"names"`
	// Kiosks are the IDs among IDs that are kiosks.
	Kiosks []int64 `json:"kiosks,omitempty"`
}

func newSnapshot(ts []Target) snapshot {
	sn := snapshot{IDs: make([]int64, len(ts)), Names: make([]string, len(ts))}
	for i, t := range ts {
		sn.IDs[i], sn.Names[i] = t.DeviceID, t.Name
		if t.Kind == "kiosk" {
			sn.Kiosks = append(sn.Kiosks, t.DeviceID)
		}
	}
	return sn
}

func (sn snapshot) targets() []Target {
	kiosk := map[int64]bool{}
	for _, id := range sn.Kiosks {
		kiosk[id] = true
	}
	out := make([]Target, len(sn.IDs))
	for i, id := range sn.IDs {
		out[i] = Target{DeviceID: id, Name: sn.Names[i], Kind: "screen"}
		if kiosk[id] {
			out[i].Kind = "kiosk"
		}
	}
	return out
}

// MessageID is the protocol message id of emergency id ("em-5").
func MessageID(id int64) string { return fmt.Sprintf("em-%d", id) }

// Active reports whether e is on screen at now.
func (e *Emergency) Active(now time.Time) bool { return e.ClearedAt == nil && now.Before(e.ExpiresAt) }

// Target is a device an emergency was sent to.
type Target struct {
	DeviceID int64  `db:"device_id" json:"device_id"`
	Name     string `db:"name" json:"name"`
	Kind     string `db:"kind" json:"kind"`
}

// Directory finds the devices an emergency goes to (the screens domain
// and the device list implement it in server wiring).
type Directory interface {
	// Screens returns the active screens in any of groups, or all.
	Screens(ctx context.Context, groups []int64, all bool) ([]Target, error)
	// Kiosks returns every active kiosk.
	Kiosks(ctx context.Context) ([]Target, error)
	// Exists returns nil when every ID names a screen group, else a
	// *web.Error on "groups" naming the missing ones (display.Service
	// does).
	Exists(ctx context.Context, groups []int64) error
}

// Presence tells which devices are connected (to any instance, as far as
// it knows).
type Presence func(ctx context.Context, deviceIDs []int64) map[int64]bool

// Options configure a Service.
type Options struct {
	DB        *store.DB
	Hub       *push.Hub
	Directory Directory
	Clock     clock.Clock
	Logger    *slog.Logger
	// Policy returns the masking policy (R6) that emergency texts pass
	// through; nil uses privacy.DefaultPolicy.
	Policy func(ctx context.Context) (privacy.Policy, error)
	// Presence defaults to the devices connected to this instance's hub
	// (the server adds the screens other instances report online).
	Presence Presence
	// AckFlush is how often acks are written (default 200 ms).
	AckFlush time.Duration
}

// Service sends, clears and follows emergencies.
type Service struct {
	opts Options
	live *live
	acks *acks
}

// New returns a Service; call Start to follow the bus and hook the hub.
func New(o Options) *Service {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.AckFlush <= 0 {
		o.AckFlush = 200 * time.Millisecond
	}
	s := &Service{opts: o}
	if s.opts.Presence == nil {
		s.opts.Presence = s.localPresence
	}
	s.live = newLive(s)
	s.acks = newAcks(s)
	return s
}

func (s *Service) now() time.Time { return s.opts.Clock.Now().UTC().Truncate(time.Microsecond) }

func (s *Service) localPresence(_ context.Context, ids []int64) map[int64]bool {
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		if s.opts.Hub.Connected(id) != nil {
			out[id] = true
		}
	}
	return out
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var we *web.Error
	if errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("emergency: unable to %s: %w", what, err)
}
