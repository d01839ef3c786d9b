package status

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/web"
)

// OfflineSetting is how many minutes a screen may be offline before it is
// flagged (display.offline_after).
var OfflineSetting = settings.Definition{
	Key: "display.offline_after", Label: "屏幕离线告警", LabelEN: "Screen offline alert",
	Help:    "屏幕离线（或从未连接）超过多少分钟后在屏幕状态页标红并计入告警指标（1–1440）。",
	Default: 5,
	Validate: func(raw json.RawMessage) error {
		var v int
		if err := json.Unmarshal(raw, &v); err != nil || v < 1 || v > 1440 {
			return web.Invalid("value", web.CodeInvalid, "want a number of minutes from 1 to 1440")
		}
		return nil
	},
}

// Screen is the state of one paired screen.
type Screen struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// Online: connected to this instance, or marked online by another
	// instance that wrote its row recently.
	Online bool `json:"online"`
	// Flagged: offline (or never connected) for longer than offline_after.
	Flagged bool `json:"flagged"`
	// Here: connected to the instance that answered.
	Here           bool       `json:"here"`
	Never          bool       `json:"never_connected"`
	ConnectedSince *time.Time `json:"connected_since"`
	LastSeen       *time.Time `json:"last_seen"`
	// OfflineS is how long the screen has been offline (since it was last
	// seen, or since it was paired when never seen), in seconds.
	OfflineS int64  `json:"offline_s"`
	Item     string `json:"item"`
	// ItemTitle is the title of the notice the item shows, if any.
	ItemTitle  string `json:"item_title,omitempty"`
	Version    string `json:"version"`
	Resolution string `json:"resolution"`
	Client     string `json:"client"`
	UptimeS    int64  `json:"uptime_s"`
	Power      string `json:"power"`
	Remote     string `json:"remote"`
}

// Report is every screen and the counts the admin page and metrics show.
type Report struct {
	Screens       []Screen  `json:"screens"`
	Total         int       `json:"total"`
	Online        int       `json:"online"`
	Offline       int       `json:"offline"`
	Flagged       int       `json:"flagged"`
	OfflineAfterS int64     `json:"offline_after_s"`
	At            time.Time `json:"at"`
}

type dbRow struct {
	stateRow
	Name       string     `db:"name"`
	Connected  *time.Time `db:"connected_at"`
	Item       *string    `db:"item"`
	Version    *string    `db:"version"`
	Resolution *string    `db:"resolution"`
	Client     *string    `db:"client"`
	UptimeS    *int64     `db:"uptime_s"`
	Power      *string    `db:"power"`
	Remote     *string    `db:"remote"`
}

// OfflineAfter returns the display.offline_after setting.
func (t *Tracker) OfflineAfter(ctx context.Context) (time.Duration, error) {
	if t.opts.Settings == nil {
		return 5 * time.Minute, nil
	}
	m, err := settings.Value[int](ctx, t.opts.Settings, OfflineSetting.Key)
	if err != nil {
		return 0, fmt.Errorf("status: %w", err)
	}
	return time.Duration(m) * time.Minute, nil
}

// Report lists every active screen (revoked ones excluded), by name.
func (t *Tracker) Report(ctx context.Context) (*Report, error) {
	after, err := t.OfflineAfter(ctx)
	if err != nil {
		return nil, err
	}
	// No flush between reading the rows and the live entries: a flush
	// that wrote a screen's last state and forgot its entry in between
	// would leave this report with the row as it was before.
	t.flushMu.Lock()
	defer t.flushMu.Unlock()
	var rows []dbRow
	if err := t.db.Select(ctx, &rows, `SELECT d.id, d.name, d.created_at, s.online, s.connected_at, s.last_seen_at,
		s.item, s.version, s.resolution, s.client, s.uptime_s, s.power, s.remote
		FROM devices d LEFT JOIN screen_status s ON s.device_id = d.id
		WHERE d.kind = 'screen' AND d.revoked_at IS NULL ORDER BY d.name, d.id`); err != nil {
		return nil, fmt.Errorf("status: unable to list screens: %w", err)
	}
	now := t.now()
	rep := &Report{Screens: make([]Screen, 0, len(rows)), OfflineAfterS: int64(after / time.Second), At: now}
	t.mu.Lock()
	for _, r := range rows {
		s := fromRow(r)
		if e := t.live[r.ID]; e != nil {
			// Connected here, or just disconnected and not written yet.
			s.Here = e.online
			cs, ls := e.connectedAt, e.lastSeen
			s.ConnectedSince, s.LastSeen = &cs, &ls
			s.Item, s.Version, s.Resolution, s.Client = e.hb.Item, e.hb.Version, e.hb.Resolution, e.hb.Client
			s.UptimeS, s.Power, s.Remote = e.hb.UptimeS, e.hb.Power, e.remote
		}
		var since time.Time
		s.Online, s.Flagged, since = t.judge(now, after, r.stateRow, t.live[r.ID])
		s.Never = s.LastSeen == nil
		if !s.Online {
			s.OfflineS = int64(max(now.Sub(since), 0) / time.Second)
			s.ConnectedSince = nil
		}
		rep.add(s)
	}
	t.mu.Unlock()
	t.nameItems(ctx, rep)
	return rep, nil
}

// stateRow is what judging a screen online or flagged needs of its rows.
type stateRow struct {
	ID        int64      `db:"id"`
	CreatedAt time.Time  `db:"created_at"`
	Online    *bool      `db:"online"`
	LastSeen  *time.Time `db:"last_seen_at"`
}

// judge tells whether a screen is online and, if not, whether it is
// flagged and since when it has been offline; e is its live entry here,
// if any (t.mu held).
func (t *Tracker) judge(now time.Time, after time.Duration, r stateRow, e *entry) (online, flagged bool, since time.Time) {
	last := r.LastSeen
	if e != nil {
		// Connected here, or just disconnected and not written yet.
		online, last = e.online, &e.lastSeen
	} else {
		online = r.Online != nil && *r.Online && r.LastSeen != nil && now.Sub(*r.LastSeen) <= t.opts.StaleAfter
	}
	if online {
		return true, false, time.Time{}
	}
	since = r.CreatedAt
	if last != nil {
		since = *last
	}
	return false, now.Sub(since) > after, since
}

// Counts returns how many active screens are online and how many are
// flagged, as Report would, from only the columns that decide it (the
// metrics ask this at every scrape).
func (t *Tracker) Counts(ctx context.Context) (online, flagged int, err error) {
	after, err := t.OfflineAfter(ctx)
	if err != nil {
		return 0, 0, err
	}
	err = t.eachState(ctx, func(now time.Time, r stateRow, e *entry) {
		on, fl, _ := t.judge(now, after, r, e)
		if on {
			online++
		} else if fl {
			flagged++
		}
	})
	return online, flagged, err
}

// Online tells which of ids are online screens, as Report judges them:
// connected here, or marked online by another instance that wrote its
// row recently (the emergency receipts ask it across instances).
func (t *Tracker) Online(ctx context.Context, ids []int64) (map[int64]bool, error) {
	want := make(map[int64]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	out := map[int64]bool{}
	err := t.eachState(ctx, func(now time.Time, r stateRow, e *entry) {
		if want[r.ID] {
			if on, _, _ := t.judge(now, 0, r, e); on {
				out[r.ID] = true
			}
		}
	})
	return out, err
}

// eachState calls f with the state row and the live entry here (if any)
// of every active screen, under t.mu. It reads only the columns that
// judge needs: the metrics and the receipts ask this for thousands of
// screens, where Report's names, items and sorting cost ten times as much.
func (t *Tracker) eachState(ctx context.Context, f func(now time.Time, r stateRow, e *entry)) error {
	t.flushMu.Lock() // as in Report
	defer t.flushMu.Unlock()
	var rows []stateRow
	if err := t.db.Select(ctx, &rows, `SELECT d.id, d.created_at, s.online, s.last_seen_at
		FROM devices d LEFT JOIN screen_status s ON s.device_id = d.id
		WHERE d.kind = 'screen' AND d.revoked_at IS NULL`); err != nil {
		return fmt.Errorf("status: unable to read screen states: %w", err)
	}
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, r := range rows {
		f(now, r, t.live[r.ID])
	}
	return nil
}

func (rep *Report) add(s Screen) {
	rep.Screens = append(rep.Screens, s)
	rep.Total++
	switch {
	case s.Online:
		rep.Online++
	case s.Flagged:
		rep.Offline++
		rep.Flagged++
	default:
		rep.Offline++
	}
}

func fromRow(r dbRow) Screen {
	s := Screen{ID: r.ID, Name: r.Name, ConnectedSince: r.Connected, LastSeen: r.LastSeen}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	s.Item, s.Version, s.Resolution, s.Client = str(r.Item), str(r.Version), str(r.Resolution), str(r.Client)
	s.Power, s.Remote = str(r.Power), str(r.Remote)
	if r.UptimeS != nil {
		s.UptimeS = *r.UptimeS
	}
	return s
}
