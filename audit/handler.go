package audit

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Handler serves the audit trail to admins.
type Handler struct {
	DB *store.DB
}

// HandleList is GET /api/admin/audit?actor=&action=&object_type=&object_id=&since=&until=&before_id=&limit=
// (since and until are RFC 3339 times).
func (h Handler) HandleList(c echo.Context) error {
	f := Filter{
		ActorName:  c.QueryParam("actor"),
		Action:     c.QueryParam("action"),
		ObjectType: c.QueryParam("object_type"),
		ObjectID:   c.QueryParam("object_id"),
	}
	var err error
	if f.Since, err = queryTime(c, "since"); err != nil {
		return err
	}
	if f.Until, err = queryTime(c, "until"); err != nil {
		return err
	}
	if v := c.QueryParam("before_id"); v != "" {
		if f.BeforeID, err = strconv.ParseInt(v, 10, 64); err != nil {
			return web.Invalid("before_id", web.CodeInvalid, "want a whole number")
		}
	}
	if f.Limit, err = web.QueryInt(c, "limit", 100, 1, 500); err != nil {
		return err
	}
	rows, err := List(c.Request().Context(), h.DB, f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"entries": rows})
}

func queryTime(c echo.Context, name string) (time.Time, error) {
	v := c.QueryParam(name)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, web.Invalid(name, web.CodeInvalid, "want an RFC 3339 time such as 2026-11-23T09:00:00+08:00")
	}
	return t, nil
}
