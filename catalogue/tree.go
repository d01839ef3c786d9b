package catalogue

import (
	"context"
	"time"
)

// flatten orders rows parents first (depth-first, siblings as given) and
// fills in each Path. Rows whose parent is missing are treated as roots.
func flatten(rows []row) []Category {
	byParent := map[int64][]row{}
	ids := map[int64]bool{}
	for _, r := range rows {
		ids[r.ID] = true
	}
	var roots []row
	for _, r := range rows {
		if r.ParentID == nil || !ids[*r.ParentID] {
			roots = append(roots, r)
		} else {
			byParent[*r.ParentID] = append(byParent[*r.ParentID], r)
		}
	}
	out := make([]Category, 0, len(rows))
	var walk func(rs []row, prefix string)
	walk = func(rs []row, prefix string) {
		for _, r := range rs {
			c := r.category()
			c.Path = prefix + c.Name
			out = append(out, c)
			walk(byParent[r.ID], c.Path+" / ")
		}
	}
	walk(roots, "")
	return out
}

// Tree returns the catalogue as a tree, with freshness (R8) filled in.
func (s *Service) Tree(ctx context.Context) ([]*Category, error) {
	all, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.fillFreshness(ctx, all); err != nil {
		return nil, err
	}
	nodes := make(map[int64]*Category, len(all))
	var roots []*Category
	for i := range all {
		c := &all[i]
		nodes[c.ID] = c
		if c.ParentID != nil && nodes[*c.ParentID] != nil {
			p := nodes[*c.ParentID]
			p.Children = append(p.Children, c)
		} else {
			roots = append(roots, c)
		}
	}
	if roots == nil {
		roots = []*Category{}
	}
	return roots, nil
}

// fillFreshness sets LastPublishedAt and Overdue on every category with a
// cadence. A category is as fresh as the newest publication in it or in
// any of its descendants (R8): a heading whose only sub-category was
// published in today is up to date.
func (s *Service) fillFreshness(ctx context.Context, all []Category) error {
	if s.activity == nil {
		return nil
	}
	last, err := s.activity.LastPublished(ctx)
	if err != nil {
		return err
	}
	latest := subtreeLatest(all, last)
	now := s.clock.Now().In(s.loc)
	for i := range all {
		c := &all[i]
		since := c.CreatedAt
		if t, ok := latest[c.ID]; ok {
			c.LastPublishedAt = &t
			since = t
		}
		if c.Cadence != nil {
			c.Overdue = !c.Cadence.After(since.In(s.loc)).After(now)
		}
	}
	return nil
}

// subtreeLatest returns, per category, the latest of last over the
// category and its descendants.
func subtreeLatest(all []Category, last map[int64]time.Time) map[int64]time.Time {
	parent := make(map[int64]int64, len(all))
	for _, c := range all {
		if c.ParentID != nil {
			parent[c.ID] = *c.ParentID
		}
	}
	out := make(map[int64]time.Time, len(all))
	for id, t := range last {
		// Up the ancestors; a cycle cannot be stored, the bound is a guard.
		for hop := 0; hop <= len(all); hop++ {
			if cur, ok := out[id]; ok && !t.After(cur) {
				break // this ancestor and those above already have something newer
			}
			out[id] = t
			p, ok := parent[id]
			if !ok {
				break
			}
			id = p
		}
	}
	return out
}

// Overdue returns the categories not updated within their cadence (R8),
// in tree order.
func (s *Service) Overdue(ctx context.Context) ([]Category, error) {
	all, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.fillFreshness(ctx, all); err != nil {
		return nil, err
	}
	var out []Category
	for _, c := range all {
		if c.Overdue {
			out = append(out, c)
		}
	}
	return out, nil
}
