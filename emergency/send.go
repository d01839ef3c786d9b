package emergency

import (
	"context"
	"encoding/json"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Send validates in, masks personal data in its text (R6), stores the
// emergency with its target list and announces it on the bus; every
// instance pushes it to its targets.
func (s *Service) Send(ctx context.Context, who audit.Actor, in Input) (*Emergency, error) {
	now := s.now()
	if err := in.check(now); err != nil {
		return nil, err
	}
	if err := s.checkGroups(ctx, in); err != nil {
		return nil, wrap("check the groups", err)
	}
	text, masked, err := s.mask(ctx, in.Text)
	if err != nil {
		return nil, wrap("read the masking policy", err)
	}
	in.Text = text
	targets, err := s.targets(ctx, in)
	if err != nil {
		return nil, wrap("find the targets", err)
	}
	if len(targets) == 0 {
		return nil, web.Invalid("groups", web.CodeInvalid, "no active screen or kiosk in the chosen targets")
	}
	if in.Groups == nil || in.All {
		in.Groups = []int64{}
	}
	groups, _ := json.Marshal(in.Groups)
	snap, err := json.Marshal(newSnapshot(targets))
	if err != nil {
		return nil, wrap("store the targets", err)
	}
	var e *Emergency
	err = s.opts.DB.Tx(ctx, func(tx *store.Tx) error {
		var id int64
		if err := tx.Get(ctx, &id, `INSERT INTO emergencies (text, level, all_screens, group_ids, kiosks, created_at, created_by, expires_at,
			targets, target_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, in.Text, in.Level, in.All, string(groups), in.Kiosks,
			now, actorID(who), in.ExpiresAt.UTC().Truncate(time.Microsecond), string(snap), len(targets)); err != nil {
			return err
		}
		var err error
		if e, err = s.get(ctx, tx, id); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id, Data: json.RawMessage(`{"event":"sent"}`)})
		// This instance pushes at once; the others learn it from the bus.
		sent := e
		tx.AfterCommit(func() { s.live.add(sent, deviceIDs(targets)) })
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "emergency.send", ObjectType: "emergency", ObjectID: id,
			After: map[string]any{"emergency": e, "targets": len(targets), "masked": masked}})
	})
	return e, wrap("send an emergency", err)
}

// targets lists the devices of in, each once. The directory lists each
// screen and each kiosk once, so only a mix of the two is checked: the
// emergency of every screen goes out without copying 19,000 targets
// into a set first.
func (s *Service) targets(ctx context.Context, in Input) ([]Target, error) {
	var screens, kiosks []Target
	var err error
	if in.All || len(in.Groups) > 0 {
		if screens, err = s.opts.Directory.Screens(ctx, in.Groups, in.All); err != nil {
			return nil, err
		}
	}
	if in.Kiosks {
		if kiosks, err = s.opts.Directory.Kiosks(ctx); err != nil {
			return nil, err
		}
	}
	if len(kiosks) == 0 {
		return screens, nil
	}
	if len(screens) == 0 {
		return kiosks, nil
	}
	out := append(screens, kiosks...)
	seen := make(map[int64]bool, len(out))
	uniq := out[:0]
	for _, t := range out {
		if !seen[t.DeviceID] {
			seen[t.DeviceID] = true
			uniq = append(uniq, t)
		}
	}
	return uniq, nil
}

// Clear ends an active emergency now, on every instance.
func (s *Service) Clear(ctx context.Context, who audit.Actor, id int64) (*Emergency, error) {
	now := s.now()
	var after *Emergency
	err := s.opts.DB.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.get(ctx, tx, id)
		if err != nil {
			return err
		}
		if !before.Active(now) {
			return web.State("emergency %d has already ended", id)
		}
		if _, err := tx.Exec(ctx, "UPDATE emergencies SET cleared_at = ?, cleared_by = ? WHERE id = ?", now, actorID(who), id); err != nil {
			return err
		}
		if after, err = s.get(ctx, tx, id); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id, Data: json.RawMessage(`{"event":"cleared"}`)})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "emergency.clear", ObjectType: "emergency", ObjectID: id,
			Before: before, After: after})
	})
	return after, wrap("clear an emergency", err)
}

func deviceIDs(ts []Target) []int64 {
	out := make([]int64, len(ts))
	for i, t := range ts {
		out[i] = t.DeviceID
	}
	return out
}

func actorID(who audit.Actor) *int64 {
	if who.ID == 0 {
		return nil
	}
	return &who.ID
}
