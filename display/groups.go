package display

import (
	"context"
	"fmt"
	"strings"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// GroupInput is what an admin sets on a group.
type GroupInput struct {
	Name string    `json:"name"`
	Kind GroupKind `json:"kind"`
}

func (in *GroupInput) check() error {
	var c web.Check
	in.Name = c.Text("name", in.Name, 64)
	c.OneOf("kind", string(in.Kind), string(GroupHall), string(GroupFloor), string(GroupPlace))
	return c.Err()
}

const groupSelect = `SELECT g.id, g.name, g.kind, g.created_at, g.updated_at,
	(SELECT COUNT(*) FROM screen_group_members m WHERE m.group_id = g.id) AS screens FROM screen_groups g`

// Groups lists every screen group by name.
func (s *Service) Groups(ctx context.Context) ([]Group, error) {
	out := []Group{}
	if err := s.db.Select(ctx, &out, groupSelect+" ORDER BY g.name, g.id"); err != nil {
		return nil, wrap("list groups", err)
	}
	return out, nil
}

// Group returns one group.
func (s *Service) Group(ctx context.Context, q store.Querier, id int64) (*Group, error) {
	return getByID[Group](ctx, q, "group", groupSelect+" WHERE g.id = ?", id)
}

// Exists returns nil when every ID names a group, else a field error on
// "groups" naming the missing ones (notice.GroupChecker).
func (s *Service) Exists(ctx context.Context, ids []int64) error {
	return s.checkGroups(ctx, s.db, "groups", ids)
}

func (s *Service) checkGroups(ctx context.Context, q store.Querier, field string, ids []int64) error {
	ids = sortedUnique(ids)
	if len(ids) == 0 {
		return nil
	}
	var found []int64
	if err := q.Select(ctx, &found, "SELECT id FROM screen_groups WHERE id IN ("+marks(len(ids))+")", anys(ids)...); err != nil {
		return wrap("check groups", err)
	}
	var missing []string
	for _, id := range ids {
		if !containsID(found, id) {
			missing = append(missing, fmt.Sprint(id))
		}
	}
	if len(missing) > 0 {
		return web.Invalid(field, web.CodeNotFound, "no screen group %s", strings.Join(missing, ", "))
	}
	return nil
}

// CreateGroup adds a group.
func (s *Service) CreateGroup(ctx context.Context, who audit.Actor, in GroupInput) (*Group, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	var g *Group
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		if err := uniqueName(ctx, tx, "screen_groups", in.Name, 0); err != nil {
			return err
		}
		now := s.now()
		var id int64
		if err := tx.Get(ctx, &id, "INSERT INTO screen_groups (name, kind, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id",
			in.Name, in.Kind, now, now); err != nil {
			return err
		}
		var err error
		if g, err = s.Group(ctx, tx, id); err != nil {
			return err
		}
		publish(tx, WhatGroup, "created", id)
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "screen_group.create", ObjectType: "screen_group", ObjectID: id, After: g})
	})
	return g, wrap("create group", err)
}

// UpdateGroup renames a group or changes its kind.
func (s *Service) UpdateGroup(ctx context.Context, who audit.Actor, id int64, in GroupInput) (*Group, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	var g *Group
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.Group(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := uniqueName(ctx, tx, "screen_groups", in.Name, id); err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.Exec(ctx, "UPDATE screen_groups SET name = ?, kind = ?, updated_at = ? WHERE id = ?", in.Name, in.Kind, now, id); err != nil {
			return err
		}
		if g, err = s.Group(ctx, tx, id); err != nil {
			return err
		}
		publish(tx, WhatGroup, "updated", id)
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "screen_group.update", ObjectType: "screen_group", ObjectID: id, Before: before, After: g})
	})
	return g, wrap("update group", err)
}

// DeleteGroup removes a group, its memberships and its schedules. A group
// that notices still target cannot be deleted.
func (s *Service) DeleteGroup(ctx context.Context, who audit.Actor, id int64) error {
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.Group(ctx, tx, id)
		if err != nil {
			return err
		}
		var n int
		if err := tx.Get(ctx, &n, `SELECT COUNT(*) FROM notice_version_groups vg JOIN notices n ON n.live_version_id = vg.version_id
			WHERE vg.group_id = ? AND n.withdrawn_at IS NULL`, id); err != nil {
			return err
		}
		if n > 0 {
			return web.State("%d notices target this group; change their targets first", n)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM screen_groups WHERE id = ?", id); err != nil {
			return err
		}
		publish(tx, WhatGroup, "deleted", id)
		return audit.Record(ctx, tx, who, audit.Entry{At: s.now(), Action: "screen_group.delete", ObjectType: "screen_group", ObjectID: id, Before: before})
	})
	return wrap("delete group", err)
}

// uniqueName refuses a name another row of table (not id) already has.
func uniqueName(ctx context.Context, q store.Querier, table, name string, id int64) error {
	var n int
	if err := q.Get(ctx, &n, "SELECT COUNT(*) FROM "+table+" WHERE name = ? AND id <> ?", name, id); err != nil {
		return err
	}
	if n > 0 {
		return web.Conflict("name", "the name %q is taken", name)
	}
	return nil
}

func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func anys(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
