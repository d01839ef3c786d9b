package catalogue

import (
	"context"
	"fmt"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// List returns every category in tree order (parents before children,
// siblings by position then name), with Path filled in.
func (s *Service) List(ctx context.Context) ([]Category, error) {
	return All(ctx, s.db)
}

// All returns every category in tree order through q, which may be a
// transaction.
func All(ctx context.Context, q store.Querier) ([]Category, error) {
	var rows []row
	if err := q.Select(ctx, &rows, "SELECT "+columns+" FROM catalogue_categories ORDER BY position, name, id"); err != nil {
		return nil, fmt.Errorf("catalogue: unable to list: %w", err)
	}
	return flatten(rows), nil
}

// Get returns one category (with its Path) through q, which may be a
// transaction. A missing category is a web.NotFound error.
func Get(ctx context.Context, q store.Querier, id int64) (*Category, error) {
	all, err := All(ctx, q)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].ID == id {
			return &all[i], nil
		}
	}
	return nil, web.NotFound("category")
}

// Get returns one category.
func (s *Service) Get(ctx context.Context, id int64) (*Category, error) {
	return Get(ctx, s.db, id)
}

// Create adds a category.
func (s *Service) Create(ctx context.Context, who audit.Actor, in Input) (*Category, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var id int64
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		if err := s.checkTree(ctx, tx, 0, in); err != nil {
			return err
		}
		if err := tx.Get(ctx, &id, `INSERT INTO catalogue_categories (parent_id, code, name, description, position,
			cadence_n, cadence_unit, period_n, period_unit, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, append(values(in), now, now)...); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "category.create", ObjectType: "category", ObjectID: id, After: in})
	})
	if err != nil {
		return nil, wrap("create a category", err)
	}
	return s.Get(ctx, id)
}

// Update replaces a category's settings.
func (s *Service) Update(ctx context.Context, who audit.Actor, id int64, in Input) (*Category, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := Get(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.checkTree(ctx, tx, id, in); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE catalogue_categories SET parent_id = ?, code = ?, name = ?, description = ?, position = ?,
			cadence_n = ?, cadence_unit = ?, period_n = ?, period_unit = ?, updated_at = ? WHERE id = ?`,
			append(values(in), now, id)...); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "category.update", ObjectType: "category", ObjectID: id, Before: before, After: in})
	})
	if err != nil {
		return nil, wrap(fmt.Sprintf("update category %d", id), err)
	}
	return s.Get(ctx, id)
}

// Delete removes a category without children or notices.
func (s *Service) Delete(ctx context.Context, who audit.Actor, id int64) error {
	if s.activity != nil {
		n, err := s.activity.Uses(ctx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			e := web.State("%d notices are filed under this category; move them first", n)
			e.Params = map[string]any{"count": n}
			return e
		}
	}
	now := s.clock.Now()
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := Get(ctx, tx, id)
		if err != nil {
			return err
		}
		var children int
		if err := tx.Get(ctx, &children, "SELECT COUNT(*) FROM catalogue_categories WHERE parent_id = ?", id); err != nil {
			return err
		}
		if children > 0 {
			return web.State("the category has %d sub-categories; delete or move them first", children)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM catalogue_categories WHERE id = ?", id); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "category.delete", ObjectType: "category", ObjectID: id, Before: before})
	})
	return wrap(fmt.Sprintf("delete category %d", id), err)
}

// checkTree checks, for category id (0 when new), that the code is free
// and that the parent exists and is not the category or one of its
// descendants.
func (s *Service) checkTree(ctx context.Context, tx *store.Tx, id int64, in Input) error {
	var n int
	if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM catalogue_categories WHERE code = ? AND id <> ?", in.Code, id); err != nil {
		return err
	}
	if n > 0 {
		return web.Conflict("code", "the code %s is used by another category", in.Code)
	}
	if in.ParentID == nil {
		return nil
	}
	all, err := All(ctx, tx)
	if err != nil {
		return err
	}
	parent := map[int64]*int64{}
	for _, c := range all {
		parent[c.ID] = c.ParentID
	}
	if _, ok := parent[*in.ParentID]; !ok {
		return web.Invalid("parent_id", web.CodeInvalid, "no category %d", *in.ParentID)
	}
	for p := in.ParentID; p != nil; p = parent[*p] {
		if *p == id {
			return web.Invalid("parent_id", web.CodeInvalid, "a category cannot be moved under itself")
		}
	}
	return nil
}

// values are the stored columns of in, in the order of the statements above.
func values(in Input) []any {
	var cn, cu, pn, pu any
	if in.Cadence != nil {
		cn, cu = in.Cadence.N, string(in.Cadence.Unit)
	}
	if in.Period != nil {
		pn, pu = in.Period.N, string(in.Period.Unit)
	}
	return []any{in.ParentID, in.Code, in.Name, in.Description, in.Position, cn, cu, pn, pu}
}
