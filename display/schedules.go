package display

import (
	"context"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

const scheduleColumns = "id, playlist_id, group_id, weekdays, start_minute, end_minute, start_date, end_date, priority, created_at, updated_at"

// Schedules lists every schedule, highest priority first.
func (s *Service) Schedules(ctx context.Context) ([]Schedule, error) {
	out := []Schedule{}
	if err := s.db.Select(ctx, &out, "SELECT "+scheduleColumns+" FROM screen_schedules ORDER BY priority DESC, id DESC"); err != nil {
		return nil, wrap("list schedules", err)
	}
	return out, nil
}

func getSchedule(ctx context.Context, q store.Querier, id int64) (*Schedule, error) {
	return getByID[Schedule](ctx, q, "schedule", "SELECT "+scheduleColumns+" FROM screen_schedules WHERE id = ?", id)
}

// SaveSchedule creates (id 0) or replaces a schedule.
func (s *Service) SaveSchedule(ctx context.Context, who audit.Actor, id int64, in ScheduleInput) (*Schedule, error) {
	v, err := in.check()
	if err != nil {
		return nil, err
	}
	var out *Schedule
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		var before *Schedule
		if id != 0 {
			if before, err = getSchedule(ctx, tx, id); err != nil {
				return err
			}
		}
		if _, err := s.PlaylistByID(ctx, tx, v.PlaylistID); err != nil {
			if web.IsNotFound(err) {
				return web.Invalid("playlist_id", web.CodeNotFound, "no playlist %d", v.PlaylistID)
			}
			return err
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
			err = tx.Get(ctx, &id, `INSERT INTO screen_schedules (playlist_id, group_id, weekdays, start_minute, end_minute, start_date, end_date,
				priority, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, v.PlaylistID, v.GroupID, v.Weekdays,
				v.Start, v.End, v.StartDate, v.EndDate, v.Priority, now, now)
		} else {
			_, err = tx.Exec(ctx, `UPDATE screen_schedules SET playlist_id = ?, group_id = ?, weekdays = ?, start_minute = ?, end_minute = ?,
				start_date = ?, end_date = ?, priority = ?, updated_at = ? WHERE id = ?`, v.PlaylistID, v.GroupID, v.Weekdays, v.Start, v.End,
				v.StartDate, v.EndDate, v.Priority, now, id)
		}
		if err != nil {
			return err
		}
		if out, err = getSchedule(ctx, tx, id); err != nil {
			return err
		}
		publish(tx, WhatSchedule, event, id)
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "screen_schedule.save", ObjectType: "screen_schedule", ObjectID: id, Before: before, After: out})
	})
	return out, wrap("save schedule", err)
}

// DeleteSchedule removes a schedule.
func (s *Service) DeleteSchedule(ctx context.Context, who audit.Actor, id int64) error {
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := getSchedule(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM screen_schedules WHERE id = ?", id); err != nil {
			return err
		}
		publish(tx, WhatSchedule, "deleted", id)
		return audit.Record(ctx, tx, who, audit.Entry{At: s.now(), Action: "screen_schedule.delete", ObjectType: "screen_schedule", ObjectID: id, Before: before})
	})
	return wrap("delete schedule", err)
}
