package alert

import (
	"context"
	"slices"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Group is a set of channels that rules send to (a recipient group: the
// office on duty, the IT desk).
type Group struct {
	ID         int64     `db:"id" json:"id"`
	Name       string    `db:"name" json:"name"`
	ChannelIDs []int64   `db:"-" json:"channel_ids"`
	CreatedAt  time.Time `db:"created_at" json:"created_at"`
	UpdatedAt  time.Time `db:"updated_at" json:"updated_at"`
}

// GroupInput creates or changes a group.
type GroupInput struct {
	Name       string  `json:"name"`
	ChannelIDs []int64 `json:"channel_ids"`
}

// Groups lists every group by name with its channels.
func (s *Service) Groups(ctx context.Context) ([]Group, error) {
	out := []Group{}
	if err := s.db.Select(ctx, &out, "SELECT id, name, created_at, updated_at FROM alert_groups ORDER BY name, id"); err != nil {
		return nil, wrap("list groups", err)
	}
	var links []struct {
		GroupID   int64 `db:"group_id"`
		ChannelID int64 `db:"channel_id"`
	}
	if err := s.db.Select(ctx, &links, "SELECT group_id, channel_id FROM alert_group_channels ORDER BY channel_id"); err != nil {
		return nil, wrap("list groups", err)
	}
	for i := range out {
		out[i].ChannelIDs = []int64{}
		for _, l := range links {
			if l.GroupID == out[i].ID {
				out[i].ChannelIDs = append(out[i].ChannelIDs, l.ChannelID)
			}
		}
	}
	return out, nil
}

func getGroup(ctx context.Context, q store.Querier, id int64) (*Group, error) {
	var g Group
	err := q.Get(ctx, &g, "SELECT id, name, created_at, updated_at FROM alert_groups WHERE id = ?", id)
	if store.IsNotFound(err) {
		return nil, web.NotFound("group")
	}
	if err != nil {
		return nil, err
	}
	g.ChannelIDs = []int64{}
	err = q.Select(ctx, &g.ChannelIDs, "SELECT channel_id FROM alert_group_channels WHERE group_id = ? ORDER BY channel_id", id)
	return &g, err
}

// SaveGroup creates (id 0) or changes a group.
func (s *Service) SaveGroup(ctx context.Context, who audit.Actor, id int64, in GroupInput) (*Group, error) {
	var c web.Check
	in.Name = c.Text("name", in.Name, 60)
	c.That(len(in.ChannelIDs) <= 50, "channel_ids", web.CodeOutOfRange, "at most 50 channels")
	if err := c.Err(); err != nil {
		return nil, err
	}
	slices.Sort(in.ChannelIDs)
	in.ChannelIDs = slices.Compact(in.ChannelIDs)
	var out *Group
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		now := s.now()
		var before *Group
		var err error
		if id != 0 {
			if before, err = getGroup(ctx, tx, id); err != nil {
				return err
			}
		}
		var taken int
		if err := tx.Get(ctx, &taken, "SELECT COUNT(*) FROM alert_groups WHERE name = ? AND id <> ?", in.Name, id); err != nil {
			return err
		}
		if taken > 0 {
			return web.Conflict("name", "a group named %s exists", in.Name)
		}
		for _, ch := range in.ChannelIDs {
			if _, err := s.channelRow(ctx, tx, ch); web.IsNotFound(err) {
				return web.Invalid("channel_ids", web.CodeNotFound, "no channel %d", ch)
			} else if err != nil {
				return err
			}
		}
		if id == 0 {
			err = tx.Get(ctx, &id, "INSERT INTO alert_groups (name, created_at, updated_at) VALUES (?, ?, ?) RETURNING id", in.Name, now, now)
		} else {
			_, err = tx.Exec(ctx, "UPDATE alert_groups SET name = ?, updated_at = ? WHERE id = ?", in.Name, now, id)
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM alert_group_channels WHERE group_id = ?", id); err != nil {
			return err
		}
		for _, ch := range in.ChannelIDs {
			if _, err := tx.Exec(ctx, "INSERT INTO alert_group_channels (group_id, channel_id) VALUES (?, ?)", id, ch); err != nil {
				return err
			}
		}
		if out, err = getGroup(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "alert_group.save", ObjectType: "alert_group", ObjectID: id, Before: before, After: out})
	})
	return out, wrap("save a group", err)
}

// DeleteGroup removes a group; its rules keep running without recipients.
func (s *Service) DeleteGroup(ctx context.Context, who audit.Actor, id int64) error {
	return wrap("delete a group", s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := getGroup(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM alert_groups WHERE id = ?", id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: s.now(), Action: "alert_group.delete", ObjectType: "alert_group", ObjectID: id, Before: before})
	}))
}
