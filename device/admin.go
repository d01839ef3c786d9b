package device

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Pair turns the pairing request with code into a device named name, inside
// tx, so a caller can add its own rows (a screen's profile and groups) in
// the same transaction. The device gets its token when it next asks
// (Claim). kind must match what the device asked to be.
func (s *Service) Pair(ctx context.Context, tx *store.Tx, who audit.Actor, code, name string, kind Kind) (*Device, error) {
	code = strings.TrimSpace(code)
	name = strings.TrimSpace(name)
	var c web.Check
	c.That(len(code) == 6 && strings.Trim(code, "0123456789") == "", "code", web.CodeInvalid, "want the 6 digits shown on the device")
	c.Line("name", name, 64)
	if err := c.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	var r struct {
		Kind      Kind      `db:"kind"`
		ExpiresAt time.Time `db:"expires_at"`
		DeviceID  *int64    `db:"device_id"`
	}
	err := tx.Get(ctx, &r, "SELECT kind, expires_at, device_id FROM pairing_requests WHERE code = ?", code)
	if store.IsNotFound(err) || (err == nil && !r.ExpiresAt.After(now)) {
		return nil, web.Invalid("code", web.CodeNotFound, "no device is showing this code; check the digits or reload the device")
	}
	if err != nil {
		return nil, wrap("pair", err)
	}
	if r.DeviceID != nil {
		return nil, web.Conflict("code", "this code was already paired")
	}
	if kind != r.Kind {
		return nil, web.Invalid("code", web.CodeInvalid, "this code belongs to a %s, not a %s", r.Kind, kind)
	}
	d := &Device{Kind: kind, Name: name, CreatedAt: now}
	if who.ID != 0 {
		d.PairedBy = &who.ID
	}
	if err := tx.Get(ctx, &d.ID, "INSERT INTO devices (kind, name, created_at, paired_by) VALUES (?, ?, ?, ?) RETURNING id",
		kind, name, now, d.PairedBy); err != nil {
		return nil, wrap("pair", err)
	}
	// The device has until the new expiry to fetch its token.
	if _, err := tx.Exec(ctx, "UPDATE pairing_requests SET device_id = ?, expires_at = ? WHERE code = ?", d.ID, now.Add(s.opts.PairingTTL), code); err != nil {
		return nil, wrap("pair", err)
	}
	tx.Publish(store.Event{Topic: Topic, ID: d.ID, Data: []byte(`{"event":"paired"}`)})
	if err := audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "device.pair", ObjectType: "device", ObjectID: d.ID, After: d}); err != nil {
		return nil, err
	}
	return d, nil
}

// Get returns one device.
func (s *Service) Get(ctx context.Context, q store.Querier, id int64) (*Device, error) {
	var d Device
	if err := q.Get(ctx, &d, "SELECT "+deviceColumns+" FROM devices WHERE id = ?", id); err != nil {
		if store.IsNotFound(err) {
			return nil, web.NotFound("device")
		}
		return nil, wrap("read device", err)
	}
	return &d, nil
}

// List returns the devices of a kind ("" for all), newest first; revoked
// ones only when asked.
func (s *Service) List(ctx context.Context, kind Kind, withRevoked bool) ([]Device, error) {
	q := "SELECT " + deviceColumns + " FROM devices WHERE 1 = 1"
	var args []any
	if kind != "" {
		q += " AND kind = ?"
		args = append(args, kind)
	}
	if !withRevoked {
		q += " AND revoked_at IS NULL"
	}
	q += " ORDER BY id DESC"
	out := []Device{}
	if err := s.db.Select(ctx, &out, q, args...); err != nil {
		return nil, wrap("list devices", err)
	}
	return out, nil
}

// Rename changes a device's name.
func (s *Service) Rename(ctx context.Context, who audit.Actor, id int64, name string) (*Device, error) {
	var c web.Check
	name = c.Line("name", name, 64)
	if err := c.Err(); err != nil {
		return nil, err
	}
	var after *Device
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.Get(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE devices SET name = ? WHERE id = ?", name, id); err != nil {
			return err
		}
		a := *before
		a.Name = name
		after = &a
		tx.Publish(store.Event{Topic: Topic, ID: id, Data: []byte(`{"event":"renamed"}`)})
		return audit.Record(ctx, tx, who, audit.Entry{At: s.now(), Action: "device.rename", ObjectType: "device", ObjectID: id, Before: before, After: after})
	})
	if err != nil {
		return nil, wrap("rename device", err)
	}
	return after, nil
}

// Revoke ends a device's token. Its connections are closed (subscribers of
// Topic see "revoked") and it drops back to pairing.
func (s *Service) Revoke(ctx context.Context, who audit.Actor, id int64, reason string) error {
	var c web.Check
	reason = c.Text("reason", reason, 200)
	if err := c.Err(); err != nil {
		return err
	}
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.Get(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.RevokedAt != nil {
			return web.State("the device is already revoked")
		}
		now := s.now()
		var by any
		if who.ID != 0 {
			by = who.ID
		}
		if _, err := tx.Exec(ctx, "UPDATE devices SET token_hash = NULL, revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?",
			now, by, reason, id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM pairing_requests WHERE device_id = ?", id); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id, Data: []byte(`{"event":"revoked"}`)})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "device.revoke", ObjectType: "device", ObjectID: id,
			Before: before, After: map[string]string{"reason": reason}})
	})
	// The event empties the token cache too, but asynchronously: the token
	// stops working here before Revoke returns.
	s.tokens.reset()
	return wrap("revoke device", err)
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var we *web.Error
	if errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("device: unable to %s: %w", what, err)
}
