package archive

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

func queryID(c echo.Context, name string) (int64, error) {
	v := c.QueryParam(name)
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, web.Invalid(name, web.CodeInvalid, "want a positive whole number")
	}
	return id, nil
}

// HandleUsage is GET /api/admin/archive/usage?dataset_id=&days=: queries
// per day with the hit rate.
func (s *Service) HandleUsage(c echo.Context) error {
	id, err := queryID(c, "dataset_id")
	if err != nil {
		return err
	}
	days, err := web.QueryInt(c, "days", 30, 1, 366)
	if err != nil {
		return err
	}
	list, err := s.Usage(c.Request().Context(), id, days)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"days": list})
}

// HandleQueries is GET /api/admin/archive/queries?dataset_id=&kiosk=&outcome=&before_id=&limit=:
// the query audit, newest first.
func (s *Service) HandleQueries(c echo.Context) error {
	var f QueryFilter
	var err error
	if f.DatasetID, err = queryID(c, "dataset_id"); err != nil {
		return err
	}
	if f.BeforeID, err = queryID(c, "before_id"); err != nil {
		return err
	}
	if f.Limit, err = web.QueryInt(c, "limit", 100, 1, 500); err != nil {
		return err
	}
	f.Kiosk, f.Outcome = c.QueryParam("kiosk"), c.QueryParam("outcome")
	list, err := s.Queries(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"queries": list})
}

// HandleKiosks is GET /api/admin/archive/kiosks: kiosks with misses or
// locks, and the client addresses and persons' keys (a dataset and a
// hash) that missed in the window or are locked.
func (s *Service) HandleKiosks(c echo.Context) error {
	ctx := c.Request().Context()
	list, err := s.Kiosks(ctx)
	if err != nil {
		return err
	}
	addresses, keys, err := s.Locks(ctx)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"kiosks": list, "addresses": addresses, "keys": keys})
}

type unlockInput struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// HandleUnlock is POST /api/admin/archive/locks/unlock with {"kind":
// "archive.address" or "archive.keys" (or "archive.kiosk"), "name"}.
func (s *Service) HandleUnlock(c echo.Context) error {
	var in unlockInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	var chk web.Check
	chk.That(in.Name != "", "name", web.CodeRequired, "name the address or keys")
	if err := chk.Err(); err != nil {
		return err
	}
	if err := s.Unlock(c.Request().Context(), auth.Actor(c), in.Kind, in.Name); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// HandleUnlockKiosk is POST /api/admin/archive/kiosks/:kiosk/unlock.
func (s *Service) HandleUnlockKiosk(c echo.Context) error {
	if err := s.UnlockKiosk(c.Request().Context(), auth.Actor(c), c.Param("kiosk")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
