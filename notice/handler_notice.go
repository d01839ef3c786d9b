package notice

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// HandleList is GET /api/admin/notices?status=&category=&kind=&q=&mine=1&limit=&offset=:
// one page of notices, the total and the count of every status tab.
func (s *Service) HandleList(c echo.Context) error {
	f := ListFilter{Status: Status(c.QueryParam("status")), Kind: Kind(c.QueryParam("kind")), Q: c.QueryParam("q")}
	if f.Status != "" && !validStatus(f.Status) {
		return web.Invalid("status", web.CodeInvalid, "unknown status %q", f.Status)
	}
	if f.Kind != "" && !f.Kind.Valid() {
		return web.Invalid("kind", web.CodeInvalid, "unknown kind %q", f.Kind)
	}
	var err error
	cat, err := web.QueryInt(c, "category", 0, 1, 1<<31-1)
	if err != nil {
		return err
	}
	f.CategoryID = int64(cat)
	if c.QueryParam("mine") == "1" {
		f.AuthorID = WhoOf(c).ID
	}
	if f.Limit, err = web.QueryInt(c, "limit", 50, 1, 500); err != nil {
		return err
	}
	if f.Offset, err = web.QueryInt(c, "offset", 0, 0, 1<<30); err != nil {
		return err
	}
	ctx := c.Request().Context()
	rows, total, err := s.List(ctx, f)
	if err != nil {
		return err
	}
	counts, err := s.Counts(ctx, f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"notices": rows, "total": total, "counts": counts})
}

func validStatus(st Status) bool {
	for _, x := range Statuses {
		if x == st {
			return true
		}
	}
	return false
}

// HandleCreate is POST /api/admin/notices with an Input: a new draft.
func (s *Service) HandleCreate(c echo.Context) error {
	var in Input
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	d, err := s.Create(c.Request().Context(), WhoOf(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, d)
}

// HandleGet is GET /api/admin/notices/:id.
func (s *Service) HandleGet(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	d, err := s.Detail(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

// HandleSave is PUT /api/admin/notices/:id with an Input.
func (s *Service) HandleSave(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var in Input
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	d, err := s.Save(c.Request().Context(), WhoOf(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

// HandleVersions is GET /api/admin/notices/:id/versions: every version,
// newest first, and the history of steps.
func (s *Service) HandleVersions(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	d, err := s.Detail(ctx, id)
	if err != nil {
		return err
	}
	vs, err := s.Versions(ctx, id)
	if err != nil {
		return err
	}
	h, err := s.History(ctx, id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"notice": d.Notice, "versions": vs, "history": h})
}
