package archive

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleListDatasets is GET /api/admin/archive/datasets.
func (s *Service) HandleListDatasets(c echo.Context) error {
	list, err := s.Datasets(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"datasets": list, "key_id": s.KeyID()})
}

// HandleGetDataset is GET /api/admin/archive/datasets/:id.
func (s *Service) HandleGetDataset(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	d, err := s.Dataset(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

// HandleCreateDataset is POST /api/admin/archive/datasets with a
// DatasetInput.
func (s *Service) HandleCreateDataset(c echo.Context) error {
	var in DatasetInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	d, err := s.CreateDataset(c.Request().Context(), auth.Actor(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, d)
}

// HandleUpdateDataset is PUT /api/admin/archive/datasets/:id with a
// DatasetInput.
func (s *Service) HandleUpdateDataset(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var in DatasetInput
	if err := web.Bind(c, &in); err != nil {
		return err
	}
	d, err := s.UpdateDataset(c.Request().Context(), auth.Actor(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

// HandleDeleteDataset is DELETE /api/admin/archive/datasets/:id.
func (s *Service) HandleDeleteDataset(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.DeleteDataset(c.Request().Context(), auth.Actor(c), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

type testLookupRequest struct {
	Keys map[string]string `json:"keys"`
}

// HandleTestLookup is POST /api/admin/archive/datasets/:id/lookup with
// {"keys": {...}}: an admin's lookup, audited as device
// "admin:<user name>", without the kiosk lockout.
func (s *Service) HandleTestLookup(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var req testLookupRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	res, err := s.Lookup(c.Request().Context(), LookupRequest{DatasetID: id, Keys: req.Keys, Kiosk: "admin:" + auth.Actor(c).Name,
		Address: c.RealIP(), Test: true})
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, res)
}
