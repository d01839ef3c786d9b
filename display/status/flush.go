package status

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/store"
)

// flushBatch is how many rows one INSERT carries.
const flushBatch = 500

// row is one screen_status row to write.
type row struct {
	id     int64
	online bool
	e      entry
}

// Start begins flushing every FlushEvery, and at once when a screen goes
// offline. Close stops it.
func (t *Tracker) Start() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.started || t.closed {
		return
	}
	t.started = true
	go t.loop()
}

func (t *Tracker) loop() {
	defer close(t.done)
	tick := t.opts.Clock.After(t.opts.FlushEvery)
	for {
		select {
		case <-t.stop:
			return
		case <-tick:
			tick = t.opts.Clock.After(t.opts.FlushEvery)
		case <-t.kick:
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		if err := t.Flush(ctx); err != nil {
			t.opts.Logger.Error("status: flushing screen status", "err", err)
		}
		cancel()
	}
}

// Flush writes the screens whose state changed since the last flush:
// connected ones as online with their last heartbeat, disconnected ones as
// offline (unless another instance has taken the screen over since).
func (t *Tracker) Flush(ctx context.Context) error {
	t.flushMu.Lock()
	defer t.flushMu.Unlock()
	t.mu.Lock()
	rows := make([]row, 0, len(t.live))
	for id, e := range t.live {
		if e.dirty {
			rows = append(rows, row{id: id, online: e.online, e: *e})
			e.dirty = false
		}
	}
	t.mu.Unlock()
	if len(rows) == 0 {
		return nil
	}
	err := t.db.Tx(ctx, func(tx *store.Tx) error {
		for i := 0; i < len(rows); i += flushBatch {
			if err := t.write(ctx, tx, rows[i:min(i+flushBatch, len(rows))]); err != nil {
				return err
			}
		}
		return nil
	})
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, r := range rows {
		e := t.live[r.id]
		switch {
		case e == nil:
		case err != nil:
			e.dirty = true // try again next time
		case !e.online && !e.dirty:
			delete(t.live, r.id)
		}
	}
	if err != nil {
		return fmt.Errorf("status: unable to write %d screens: %w", len(rows), err)
	}
	return nil
}

// write upserts rows in one statement. An offline row only replaces a row
// that this instance owns or that is offline already, so a late write of
// an old connection does not hide the screen's new connection elsewhere.
func (t *Tracker) write(ctx context.Context, tx *store.Tx, rows []row) error {
	var b strings.Builder
	b.WriteString(`INSERT INTO screen_status (device_id, online, instance, connected_at, last_seen_at, item, version,
		resolution, client, uptime_s, power, remote) VALUES `)
	args := make([]any, 0, len(rows)*12)
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
		hb := r.e.hb
		args = append(args, r.id, r.online, t.instance, r.e.connectedAt, r.e.lastSeen, hb.Item, hb.Version,
			hb.Resolution, hb.Client, hb.UptimeS, hb.Power, r.e.remote)
	}
	b.WriteString(` ON CONFLICT (device_id) DO UPDATE SET online = excluded.online, instance = excluded.instance,
		connected_at = excluded.connected_at, last_seen_at = excluded.last_seen_at, item = excluded.item,
		version = excluded.version, resolution = excluded.resolution, client = excluded.client,
		uptime_s = excluded.uptime_s, power = excluded.power, remote = excluded.remote
		WHERE excluded.online OR screen_status.instance = excluded.instance OR NOT screen_status.online`)
	_, err := tx.Exec(ctx, b.String(), args...)
	return err
}

// Close stops the flusher, writes what is pending and marks every screen
// of this instance offline (the connections are about to close).
func (t *Tracker) Close(ctx context.Context) {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return
	}
	t.closed = true
	started := t.started
	t.mu.Unlock()
	close(t.stop)
	if started {
		select {
		case <-t.done:
		case <-ctx.Done():
		}
	}
	if err := t.Flush(ctx); err != nil {
		t.opts.Logger.Error("status: last flush", "err", err)
	}
	if _, err := t.db.Exec(ctx, "UPDATE screen_status SET online = FALSE WHERE instance = ? AND online", t.instance); err != nil {
		t.opts.Logger.Error("status: marking this instance's screens offline", "err", err)
	}
}
