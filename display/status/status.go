// Package status monitors screens: it keeps the live state of every screen
// connected to this instance (updated from heartbeats), writes it to the
// database in batched flushes rather than once per heartbeat, and lists
// every screen with an "offline too long" flag. With several instances on
// one PostgreSQL, each writes the rows of its own screens; the database row
// is the shared truth for screens connected elsewhere or not at all.
package status

import (
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the screen status schema (it references devices).
var Migrations = store.Embedded("display_status", migrationFS)

// Options configure a Tracker.
type Options struct {
	Clock  clock.Clock
	Logger *slog.Logger
	// Settings holds display.offline_after (OfflineSetting).
	Settings *settings.Service
	// FlushEvery is the interval of batched writes (default 15 s).
	FlushEvery time.Duration
	// Titles names the notices screens play in the report (optional).
	Titles Titles
	// StaleAfter is how old the last_seen of a row marked online may be
	// before the screen counts as offline anyway (its instance stopped
	// without saying so). Default 2 min.
	StaleAfter time.Duration
}

// Heartbeat is what a screen reports every heartbeat_seconds
// (docs/protocol.md, "Screen → server").
type Heartbeat struct {
	Item       string `json:"item"`
	Version    string `json:"version"`
	Resolution string `json:"resolution"`
	Client     string `json:"client"`
	UptimeS    int64  `json:"uptime_s"`
	Power      string `json:"power"`
}

// entry is the live state of one screen connected to this instance.
type entry struct {
	online      bool
	remote      string
	connectedAt time.Time
	lastSeen    time.Time
	hb          Heartbeat
	dirty       bool
}

// Tracker follows the screens connected to this instance. The screens
// push handler calls Connected, Heartbeat and Disconnected.
type Tracker struct {
	db       *store.DB
	opts     Options
	instance string

	mu      sync.Mutex
	live    map[int64]*entry
	started bool
	closed  bool
	titles  titleCache

	flushMu sync.Mutex // one flush at a time
	kick    chan struct{}
	stop    chan struct{}
	done    chan struct{}
}

// New returns a Tracker; Start begins the periodic flushes.
func New(db *store.DB, o Options) *Tracker {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.FlushEvery <= 0 {
		o.FlushEvery = 15 * time.Second
	}
	if o.StaleAfter <= 0 {
		o.StaleAfter = 2 * time.Minute
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return &Tracker{
		db: db, opts: o, instance: hex.EncodeToString(b), live: map[int64]*entry{},
		kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{}),
	}
}

func (t *Tracker) now() time.Time { return t.opts.Clock.Now().UTC().Truncate(time.Microsecond) }

// Connected records that a screen connected to this instance from remote
// (a reconnect replaces the previous connection).
func (t *Tracker) Connected(dev device.Device, remote string) {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.live[dev.ID]
	if e == nil {
		e = &entry{}
		t.live[dev.ID] = e
	}
	e.online = true
	e.remote = clip(remote, 64)
	e.connectedAt, e.lastSeen, e.dirty = now, now, true
}

// Heartbeat records a heartbeat's data. Malformed data still counts as a
// sign of life; the fields are then left as they were.
func (t *Tracker) Heartbeat(deviceID int64, data json.RawMessage) {
	now := t.now()
	var hb Heartbeat
	err := json.Unmarshal(data, &hb)
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.live[deviceID]
	if e == nil || !e.online {
		return // not connected here (a late frame after Disconnected)
	}
	e.lastSeen, e.dirty = now, true
	if err != nil {
		t.opts.Logger.Debug("status: malformed heartbeat", "device", deviceID, "err", err)
		return
	}
	e.hb = Heartbeat{
		Item: clip(hb.Item, 128), Version: clip(hb.Version, 128), Resolution: clip(hb.Resolution, 32),
		Client: clip(hb.Client, 64), UptimeS: max(hb.UptimeS, 0), Power: clip(hb.Power, 16),
	}
}

// Disconnected records that the screen's connection closed: it goes
// offline and the flusher writes it at once. The caller reports only the
// close of the screen's current connection (not of one a reconnect
// replaced).
func (t *Tracker) Disconnected(deviceID int64) {
	now := t.now()
	t.mu.Lock()
	e := t.live[deviceID]
	if e == nil || !e.online {
		t.mu.Unlock()
		return
	}
	e.online = false
	e.lastSeen, e.dirty = now, true
	t.mu.Unlock()
	select {
	case t.kick <- struct{}{}:
	default:
	}
}

// clip cuts s to at most n runes and drops invalid UTF-8.
func clip(s string, n int) string {
	if !utf8.ValidString(s) {
		s = string([]rune(s))
	}
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n])
	}
	return s
}
