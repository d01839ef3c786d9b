package display

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// PlaylistInput is what an admin sets on a playlist.
type PlaylistInput struct {
	Name  string `json:"name"`
	Items []Item `json:"items"`
}

// MaxItems is the most items a playlist may have.
const MaxItems = 100

func (in *PlaylistInput) check() error {
	var c web.Check
	in.Name = c.Text("name", in.Name, 64)
	c.That(len(in.Items) > 0, "items", web.CodeRequired, "add at least one item")
	c.That(len(in.Items) <= MaxItems, "items", web.CodeOutOfRange, "at most %d items", MaxItems)
	for i := range in.Items {
		it := &in.Items[i]
		f := fmt.Sprintf("items[%d].", i)
		c.OneOf(f+"type", string(it.Type), string(ItemNotices), string(ItemNotice), string(ItemClock), string(ItemCountdown),
			string(ItemTicker), string(ItemStats))
		positive := func(name string, v *int64) {
			c.That(v == nil || *v > 0, f+name, web.CodeInvalid, "want a positive ID")
		}
		positive("notice_id", it.NoticeID)
		positive("category_id", it.CategoryID)
		c.That(it.NoticeKind == "" || notice.Kind(it.NoticeKind).Valid(), f+"notice_kind", web.CodeInvalid, "unknown notice kind %q", it.NoticeKind)
		c.That(it.DurationS == nil || (*it.DurationS >= 1 && *it.DurationS <= 600), f+"duration_s", web.CodeOutOfRange, "want 1 to 600 seconds, or none for automatic")
		switch it.Type {
		case ItemNotice:
			c.That(it.NoticeID != nil, f+"notice_id", web.CodeRequired, "choose the notice")
		case ItemTicker:
			it.Text = c.Text(f+"text", it.Text, 500)
		}
		if it.Type != ItemTicker {
			it.Text = ""
		}
		if it.Type != ItemNotices && it.Type != ItemCountdown {
			it.CategoryID, it.NoticeKind = nil, ""
		}
		if it.Type != ItemNotice && it.Type != ItemCountdown {
			it.NoticeID = nil
		}
	}
	return c.Err()
}

type itemRow struct {
	PlaylistID int64  `db:"playlist_id"`
	Type       string `db:"type"`
	NoticeID   *int64 `db:"notice_id"`
	CategoryID *int64 `db:"category_id"`
	NoticeKind string `db:"notice_kind"`
	Text       string `db:"text"`
	DurationS  *int   `db:"duration_s"`
}

// Playlists lists every playlist with its items, by name.
func (s *Service) Playlists(ctx context.Context) ([]Playlist, error) {
	return loadPlaylists(ctx, s.db, "")
}

// PlaylistByID returns one playlist with its items.
func (s *Service) PlaylistByID(ctx context.Context, q store.Querier, id int64) (*Playlist, error) {
	list, err := loadPlaylists(ctx, q, " WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, web.NotFound("playlist")
	}
	return &list[0], nil
}

func loadPlaylists(ctx context.Context, q store.Querier, where string, args ...any) ([]Playlist, error) {
	out := []Playlist{}
	if err := q.Select(ctx, &out, "SELECT id, name, created_at, updated_at FROM playlists"+where+" ORDER BY name, id", args...); err != nil {
		return nil, wrap("list playlists", err)
	}
	// Only the items of the playlists just read (one playlist when loading
	// one by ID), through the (playlist_id, position) index.
	var items []itemRow
	if err := q.Select(ctx, &items, `SELECT playlist_id, type, notice_id, category_id, notice_kind, text, duration_s
		FROM playlist_items WHERE playlist_id IN (SELECT id FROM playlists`+where+`) ORDER BY playlist_id, position`, args...); err != nil {
		return nil, wrap("list playlist items", err)
	}
	idx := map[int64]int{}
	for i := range out {
		idx[out[i].ID] = i
		out[i].Items = []Item{}
	}
	for _, r := range items {
		if i, ok := idx[r.PlaylistID]; ok {
			out[i].Items = append(out[i].Items, Item{Type: ItemType(r.Type), NoticeID: r.NoticeID, CategoryID: r.CategoryID,
				NoticeKind: r.NoticeKind, Text: r.Text, DurationS: r.DurationS})
		}
	}
	return out, nil
}

// CreatePlaylist adds a playlist.
func (s *Service) CreatePlaylist(ctx context.Context, who audit.Actor, in PlaylistInput) (*Playlist, error) {
	return s.savePlaylist(ctx, who, 0, in)
}

// UpdatePlaylist replaces a playlist's name and items.
func (s *Service) UpdatePlaylist(ctx context.Context, who audit.Actor, id int64, in PlaylistInput) (*Playlist, error) {
	return s.savePlaylist(ctx, who, id, in)
}

func (s *Service) savePlaylist(ctx context.Context, who audit.Actor, id int64, in PlaylistInput) (*Playlist, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	var p *Playlist
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		var before *Playlist
		if id != 0 {
			var err error
			if before, err = s.PlaylistByID(ctx, tx, id); err != nil {
				return err
			}
		}
		if err := uniqueName(ctx, tx, "playlists", in.Name, id); err != nil {
			return err
		}
		now := s.now()
		event := "updated"
		if id == 0 {
			event = "created"
			if err := tx.Get(ctx, &id, "INSERT INTO playlists (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id", in.Name, now, now); err != nil {
				return err
			}
		} else if _, err := tx.Exec(ctx, "UPDATE playlists SET name = ?, updated_at = ? WHERE id = ?", in.Name, now, id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM playlist_items WHERE playlist_id = ?", id); err != nil {
			return err
		}
		for i, it := range in.Items {
			if _, err := tx.Exec(ctx, `INSERT INTO playlist_items (playlist_id, position, type, notice_id, category_id, notice_kind, text, duration_s)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, i, it.Type, it.NoticeID, it.CategoryID, it.NoticeKind, it.Text, it.DurationS); err != nil {
				return err
			}
		}
		var err error
		if p, err = s.PlaylistByID(ctx, tx, id); err != nil {
			return err
		}
		publish(tx, WhatPlaylist, event, id)
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "playlist." + map[string]string{"created": "create", "updated": "update"}[event],
			ObjectType: "playlist", ObjectID: id, Before: before, After: p})
	})
	return p, wrap("save playlist", err)
}

// DeletePlaylist removes a playlist that no schedule uses.
func (s *Service) DeletePlaylist(ctx context.Context, who audit.Actor, id int64) error {
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.PlaylistByID(ctx, tx, id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM screen_schedules WHERE playlist_id = ?", id); err != nil {
			return err
		}
		if n > 0 {
			return web.State("%d schedules use this playlist; delete them first", n)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM playlists WHERE id = ?", id); err != nil {
			return err
		}
		publish(tx, WhatPlaylist, "deleted", id)
		return audit.Record(ctx, tx, who, audit.Entry{At: s.now(), Action: "playlist.delete", ObjectType: "playlist", ObjectID: id, Before: before})
	})
	return wrap("delete playlist", err)
}
