package display

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Pairer turns a pairing code into a device inside a transaction
// (device.Service does).
type Pairer interface {
	Pair(ctx context.Context, tx *store.Tx, who audit.Actor, code, name string, kind device.Kind) (*device.Device, error)
}

// ScreenInput is what an admin sets on a screen.
type ScreenInput struct {
	Name    string  `json:"name"`
	Profile Profile `json:"profile"`
	Groups  []int64 `json:"groups"`
}

func (in *ScreenInput) check() error {
	var c web.Check
	in.Name = c.Text("name", in.Name, 64)
	in.Profile.check(&c, "profile.")
	c.That(len(in.Groups) <= 50, "groups", web.CodeOutOfRange, "at most 50 groups")
	in.Groups = sortedUnique(in.Groups)
	return c.Err()
}

type screenRow struct {
	DeviceID   int64      `db:"device_id"`
	Name       string     `db:"name"`
	ClaimedAt  *time.Time `db:"claimed_at"`
	LastSeenAt *time.Time `db:"last_seen_at"`
	RevokedAt  *time.Time `db:"revoked_at"`
	CreatedAt  time.Time  `db:"created_at"`
	Profile
}

// screenSelect reads every screen device; one paired without a profile
// (through the generic devices API) reads as a landscape screen until an
// admin sets its profile.
const screenSelect = `SELECT d.id AS device_id, d.name, d.claimed_at, d.last_seen_at, d.revoked_at, d.created_at,
	COALESCE(s.kind, 'landscape') AS kind, COALESCE(s.width, 1920) AS width, COALESCE(s.height, 1080) AS height,
	COALESCE(s.lines, 12) AS lines, COALESCE(s.colors, 'full') AS colors, COALESCE(s.glyph_px, 48) AS glyph_px,
	COALESCE(s.chars_per_second, 8) AS chars_per_second
	FROM devices d LEFT JOIN screens s ON s.device_id = d.id WHERE d.kind = 'screen'`

// Screens lists the screens by name; revoked ones only when asked.
func (s *Service) Screens(ctx context.Context, withRevoked bool) ([]Screen, error) {
	q := screenSelect
	if !withRevoked {
		q += " AND d.revoked_at IS NULL"
	}
	return s.loadScreens(ctx, s.db, q+" ORDER BY d.name, s.device_id")
}

// Screen returns one screen.
func (s *Service) Screen(ctx context.Context, q store.Querier, deviceID int64) (*Screen, error) {
	list, err := s.loadScreens(ctx, q, screenSelect+" AND d.id = ?", deviceID)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, web.NotFound("screen")
	}
	return &list[0], nil
}

func (s *Service) loadScreens(ctx context.Context, q store.Querier, query string, args ...any) ([]Screen, error) {
	var rows []screenRow
	if err := q.Select(ctx, &rows, query, args...); err != nil {
		return nil, wrap("list screens", err)
	}
	var members []struct {
		DeviceID int64  `db:"device_id"`
		ID       int64  `db:"id"`
		Name     string `db:"name"`
	}
	if err := q.Select(ctx, &members, `SELECT m.device_id, g.id, g.name FROM screen_group_members m
		JOIN screen_groups g ON g.id = m.group_id ORDER BY g.name, g.id`); err != nil {
		return nil, wrap("list screen groups", err)
	}
	byDevice := map[int64][]GroupRef{}
	for _, m := range members {
		byDevice[m.DeviceID] = append(byDevice[m.DeviceID], GroupRef{ID: m.ID, Name: m.Name})
	}
	out := make([]Screen, len(rows))
	for i, r := range rows {
		out[i] = Screen{DeviceID: r.DeviceID, Name: r.Name, Profile: r.Profile, Groups: byDevice[r.DeviceID],
			ClaimedAt: r.ClaimedAt, LastSeenAt: r.LastSeenAt, RevokedAt: r.RevokedAt, CreatedAt: r.CreatedAt}
		if out[i].Groups == nil {
			out[i].Groups = []GroupRef{}
		}
	}
	return out, nil
}

// PairScreen claims the pairing code of a screen and stores its name,
// profile and groups in one transaction.
func (s *Service) PairScreen(ctx context.Context, who audit.Actor, p Pairer, code string, in ScreenInput) (*Screen, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	var sc *Screen
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		if err := s.checkGroups(ctx, tx, "groups", in.Groups); err != nil {
			return err
		}
		d, err := p.Pair(ctx, tx, who, code, in.Name, device.KindScreen)
		if err != nil {
			return err
		}
		now := s.now()
		pr := in.Profile
		if _, err := tx.Exec(ctx, `INSERT INTO screens (device_id, kind, width, height, lines, colors, glyph_px, chars_per_second, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.ID, pr.Kind, pr.Width, pr.Height, pr.Lines, pr.Colors, pr.GlyphPx, pr.CharsPerSecond, now, now); err != nil {
			return err
		}
		if err := setMembers(ctx, tx, d.ID, in.Groups); err != nil {
			return err
		}
		if sc, err = s.Screen(ctx, tx, d.ID); err != nil {
			return err
		}
		publish(tx, WhatScreen, "created", d.ID)
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "screen.pair", ObjectType: "device", ObjectID: d.ID, After: sc})
	})
	return sc, wrap("pair screen", err)
}

// UpdateScreen changes a screen's name, profile and groups; a revoked
// screen cannot be changed (409 invalid_state).
func (s *Service) UpdateScreen(ctx context.Context, who audit.Actor, deviceID int64, in ScreenInput) (*Screen, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	var sc *Screen
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.Screen(ctx, tx, deviceID)
		if err != nil {
			return err
		}
		if before.RevokedAt != nil {
			return web.State("screen %d is revoked; pair the device again to use it", deviceID)
		}
		if err := s.checkGroups(ctx, tx, "groups", in.Groups); err != nil {
			return err
		}
		now := s.now()
		pr := in.Profile
		res, err := tx.Exec(ctx, `UPDATE screens SET kind = ?, width = ?, height = ?, lines = ?, colors = ?, glyph_px = ?,
			chars_per_second = ?, updated_at = ? WHERE device_id = ?`, pr.Kind, pr.Width, pr.Height, pr.Lines, pr.Colors, pr.GlyphPx,
			pr.CharsPerSecond, now, deviceID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 { // paired without a profile
			if _, err := tx.Exec(ctx, `INSERT INTO screens (device_id, kind, width, height, lines, colors, glyph_px, chars_per_second,
				created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, deviceID, pr.Kind, pr.Width, pr.Height, pr.Lines, pr.Colors,
				pr.GlyphPx, pr.CharsPerSecond, now, now); err != nil {
				return err
			}
		}
		if before.Name != in.Name {
			if _, err := tx.Exec(ctx, "UPDATE devices SET name = ? WHERE id = ?", in.Name, deviceID); err != nil {
				return err
			}
			tx.Publish(store.Event{Topic: device.Topic, ID: deviceID, Data: []byte(`{"event":"renamed"}`)})
		}
		if err := setMembers(ctx, tx, deviceID, in.Groups); err != nil {
			return err
		}
		if sc, err = s.Screen(ctx, tx, deviceID); err != nil {
			return err
		}
		publish(tx, WhatScreen, "updated", deviceID)
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "screen.update", ObjectType: "device", ObjectID: deviceID, Before: before, After: sc})
	})
	return sc, wrap("update screen", err)
}

func setMembers(ctx context.Context, tx *store.Tx, deviceID int64, groups []int64) error {
	if _, err := tx.Exec(ctx, "DELETE FROM screen_group_members WHERE device_id = ?", deviceID); err != nil {
		return err
	}
	for _, g := range groups {
		if _, err := tx.Exec(ctx, "INSERT INTO screen_group_members (group_id, device_id) VALUES (?, ?)", g, deviceID); err != nil {
			return err
		}
	}
	return nil
}

// ScreensIn returns the active screens in any of groups, or every active
// screen when all is set (for the emergency broadcaster), by name. It
// reads only the IDs, names and memberships: the broadcaster loads every
// screen at once, tens of thousands of them.
func (s *Service) ScreensIn(ctx context.Context, groups []int64, all bool) ([]ScreenRef, error) {
	var rows []struct {
		DeviceID int64  `db:"device_id"`
		Name     string `db:"name"`
	}
	if err := s.db.Select(ctx, &rows, `SELECT id AS device_id, name FROM devices WHERE kind = 'screen' AND revoked_at IS NULL
		ORDER BY name, id`); err != nil {
		return nil, wrap("list screens", err)
	}
	var members []struct {
		DeviceID int64 `db:"device_id"`
		GroupID  int64 `db:"group_id"`
	}
	if err := s.db.Select(ctx, &members, "SELECT device_id, group_id FROM screen_group_members ORDER BY group_id"); err != nil {
		return nil, wrap("list screen groups", err)
	}
	byDevice := make(map[int64][]int64, len(rows))
	for _, m := range members {
		byDevice[m.DeviceID] = append(byDevice[m.DeviceID], m.GroupID)
	}
	out := []ScreenRef{}
	for _, r := range rows {
		ids := byDevice[r.DeviceID]
		if ids == nil {
			ids = []int64{}
		}
		if all || intersects(ids, groups) {
			out = append(out, ScreenRef{DeviceID: r.DeviceID, Name: r.Name, Groups: ids})
		}
	}
	return out, nil
}

func intersects(a, b []int64) bool {
	for _, x := range a {
		if containsID(b, x) {
			return true
		}
	}
	return false
}
