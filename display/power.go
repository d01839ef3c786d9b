package display

import (
	"context"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
)

const powerColumns = "id, group_id, weekdays, on_minute, off_minute, standby, created_at, updated_at"

// PowerSchedules lists every power schedule, newest first.
func (s *Service) PowerSchedules(ctx context.Context) ([]PowerSchedule, error) {
	out := []PowerSchedule{}
	if err := s.db.Select(ctx, &out, "SELECT "+powerColumns+" FROM screen_power_schedules ORDER BY id DESC"); err != nil {
		return nil, wrap("list power schedules", err)
	}
	return out, nil
}

func getPower(ctx context.Context, q store.Querier, id int64) (*PowerSchedule, error) {
	return getByID[PowerSchedule](ctx, q, "power schedule", "SELECT "+powerColumns+" FROM screen_power_schedules WHERE id = ?", id)
}

// SavePower creates (id 0) or replaces a power schedule.
func (s *Service) SavePower(ctx context.Context, who audit.Actor, id int64, in PowerInput) (*PowerSchedule, error) {
	v, err := in.check()
	if err != nil {
		return nil, err
	}
	var out *PowerSchedule
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		var before *PowerSchedule
		if id != 0 {
			if before, err = getPower(ctx, tx, id); err != nil {
				return err
			}
		}
		if v.GroupID != nil {
			if err := s.checkGroups(ctx, tx, "group_id", []int64{*v.GroupID}); err != nil {
				return err
			}
		}
		now := s.now()
		event := "updated"
		if id == 0 {
			event = "created"
			err = tx.Get(ctx, &id, `INSERT INTO screen_power_schedules (group_id, weekdays, on_minute, off_minute, standby, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, v.GroupID, v.Weekdays, v.On, v.Off, v.Standby, now, now)
		} else {
			_, err = tx.Exec(ctx, `UPDATE screen_power_schedules SET group_id = ?, weekdays = ?, on_minute = ?, off_minute = ?, standby = ?,
				updated_at = ? WHERE id = ?`, v.GroupID, v.Weekdays, v.On, v.Off, v.Standby, now, id)
		}
		if err != nil {
			return err
		}
		if out, err = getPower(ctx, tx, id); err != nil {
			return err
		}
		publish(tx, WhatPower, event, id)
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "screen_power.save", ObjectType: "screen_power", ObjectID: id, Before: before, After: out})
	})
	return out, wrap("save power schedule", err)
}

// DeletePower removes a power schedule.
func (s *Service) DeletePower(ctx context.Context, who audit.Actor, id int64) error {
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := getPower(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM screen_power_schedules WHERE id = ?", id); err != nil {
			return err
		}
		publish(tx, WhatPower, "deleted", id)
		return audit.Record(ctx, tx, who, audit.Entry{At: s.now(), Action: "screen_power.delete", ObjectType: "screen_power", ObjectID: id, Before: before})
	})
	return wrap("delete power schedule", err)
}
