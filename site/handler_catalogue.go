package site

import (
	"context"
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/web"
)

// perPage is the length of a list page.
const perPage = 20

// node is a category in the catalogue tree with the number of public
// notices in it and below it.
type node struct {
	catalogue.Category
	Count    int
	Children []*node
}

// tree returns the catalogue as a tree with counts, and the nodes by ID.
func (s *Site) tree(ctx context.Context) ([]*node, map[int64]*node, error) {
	cats, err := s.o.Catalogue.List(ctx)
	if err != nil {
		return nil, nil, err
	}
	counts, err := s.o.Index.CategoryCounts(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]*node{}
	var roots []*node
	for _, c := range cats { // parents come first
		n := &node{Category: c, Count: counts[c.ID]}
		byID[c.ID] = n
		if c.ParentID != nil && byID[*c.ParentID] != nil {
			p := byID[*c.ParentID]
			p.Children = append(p.Children, n)
		} else {
			roots = append(roots, n)
		}
	}
	var sum func(n *node) int
	sum = func(n *node) int {
		for _, ch := range n.Children {
			n.Count += sum(ch)
		}
		return n.Count
	}
	for _, r := range roots {
		sum(r)
	}
	return roots, byID, nil
}

// crumbs leads from the home page through the catalogue to a category.
func (s *Site) crumbs(ctx context.Context, categoryID int64) []link {
	out := []link{{Label: "首页", Href: Prefix + "/"}, {Label: "信息公开目录", Href: Prefix + "/catalogue"}}
	cats, err := s.o.Catalogue.List(ctx)
	if err != nil {
		return out
	}
	byID := map[int64]catalogue.Category{}
	for _, c := range cats {
		byID[c.ID] = c
	}
	var chain []link
	for id, n := categoryID, 0; id != 0 && n < 20; n++ {
		c, ok := byID[id]
		if !ok {
			break
		}
		chain = append([]link{{Label: c.Name, Href: categoryURL(c.ID)}}, chain...)
		if c.ParentID == nil {
			break
		}
		id = *c.ParentID
	}
	return append(out, chain...)
}

func categoryURL(id int64) string { return fmt.Sprintf("%s/c/%d", Prefix, id) }

// HandleCatalogue is GET /gk/catalogue: the disclosure catalogue (政府信息
// 公开目录) as a tree, with the number of public notices in each.
func (s *Site) HandleCatalogue(c echo.Context) error {
	return s.page(c, "catalogue", Prefix+"/catalogue", func() (*view, error) {
		roots, _, err := s.tree(c.Request().Context())
		if err != nil {
			return nil, err
		}
		v := s.newView(c, "catalogue", "信息公开目录", "政府信息公开目录：按类别浏览主动公开的政府信息。", Prefix+"/catalogue")
		v.Crumbs = []link{{Label: "首页", Href: Prefix + "/"}, {Label: "信息公开目录"}}
		v.Data = roots
		return v, nil
	})
}

// listPage is one page of a list of notices.
type listPage struct {
	Node     *node
	Items    []item
	Page     int
	Pages    int
	Total    int
	Prev     string
	Next     string
	Category int64
}

// HandleCategory is GET /gk/c/:id?page=: the public notices of a
// category, newest first, 20 a page, and its sub-categories.
func (s *Site) HandleCategory(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return web.NotFound("category")
	}
	page, err := web.QueryInt(c, "page", 1, 1, 1000)
	if err != nil {
		return err
	}
	path := pagePath(categoryURL(id), page)
	return s.page(c, "category", path, func() (*view, error) {
		ctx := c.Request().Context()
		_, byID, err := s.tree(ctx)
		if err != nil {
			return nil, err
		}
		n := byID[id]
		if n == nil {
			return nil, web.NotFound("category")
		}
		lp, err := s.list(ctx, categoryURL(id), id, "", page)
		if err != nil {
			return nil, err
		}
		lp.Node, lp.Category = n, id
		desc := n.Description
		if desc == "" {
			desc = n.Path + "：主动公开的政府信息。"
		}
		v := s.newView(c, "catalogue", n.Name, desc, path)
		v.Crumbs = s.crumbs(ctx, id)
		v.Crumbs[len(v.Crumbs)-1].Href = ""
		v.Feed = fmt.Sprintf("%s/feed.atom?category=%d", Prefix, id)
		v.Data = lp
		return v, nil
	})
}

// HandleGuides is GET /gk/guides?page=: the service guides (办事指南).
func (s *Site) HandleGuides(c echo.Context) error {
	page, err := web.QueryInt(c, "page", 1, 1, 1000)
	if err != nil {
		return err
	}
	path := pagePath(Prefix+"/guides", page)
	return s.page(c, "guides", path, func() (*view, error) {
		lp, err := s.list(c.Request().Context(), Prefix+"/guides", 0, "guide", page)
		if err != nil {
			return nil, err
		}
		v := s.newView(c, "guides", "办事指南", "政务服务事项的办事指南：办理依据、受理条件、申请材料、办理流程、时限与地点。", path)
		v.Crumbs = []link{{Label: "首页", Href: Prefix + "/"}, {Label: "办事指南"}}
		v.Data = lp
		return v, nil
	})
}

// list reads one page of public notices of a category and kind from the
// search index's copy (the kiosk's lists).
func (s *Site) list(ctx context.Context, base string, category int64, kind string, page int) (*listPage, error) {
	docs, total, err := s.o.Index.List(ctx, category, kind, page, perPage)
	if err != nil {
		return nil, err
	}
	lp := &listPage{Page: page, Total: total, Pages: (total + perPage - 1) / perPage}
	for _, d := range docs {
		lp.Items = append(lp.Items, s.item(d.ID, d.Title, d.Kind, d.Category, d.IndexNo, d.PublishedAt, d.Status))
	}
	if page > 1 {
		lp.Prev = pagePath(base, page-1)
	}
	if page < lp.Pages {
		lp.Next = pagePath(base, page+1)
	}
	return lp, nil
}

// pagePath is the path of page n of a list.
func pagePath(base string, n int) string {
	if n <= 1 {
		return base
	}
	return fmt.Sprintf("%s?page=%d", base, n)
}
