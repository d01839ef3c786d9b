package device

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

type pairRequest struct {
	Kind Kind   `json:"kind"`
	Info string `json:"info"`
}

// HandleRequestPairing is POST /api/device/pair: a new device asks for a
// pairing code.
func (s *Service) HandleRequestPairing(c echo.Context) error {
	var req pairRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	r, err := s.RequestPairing(c.Request().Context(), req.Kind, req.Info, c.RealIP())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, r)
}

type claimRequest struct {
	Code  string `json:"code"`
	Claim string `json:"claim"`
}

// HandleClaim is POST /api/device/pair/claim: a waiting device asks whether
// it was paired, and receives its token once.
func (s *Service) HandleClaim(c echo.Context) error {
	var req claimRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	st, err := s.Claim(c.Request().Context(), req.Code, req.Claim)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, st)
}

// HandleMe is GET /api/device/me: a device checks its token.
func (s *Service) HandleMe(c echo.Context) error {
	return c.JSON(http.StatusOK, From(c))
}

type adminPairRequest struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Kind Kind   `json:"kind"`
}

// HandleAdminPair is POST /api/admin/devices/pair.
func (s *Service) HandleAdminPair(c echo.Context) error {
	var req adminPairRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if !req.Kind.Valid() {
		return web.Invalid("kind", web.CodeInvalid, "want screen or kiosk")
	}
	ctx := c.Request().Context()
	var d *Device
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		var err error
		d, err = s.Pair(ctx, tx, auth.Actor(c), req.Code, req.Name, req.Kind)
		return err
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, d)
}

// HandleList is GET /api/admin/devices?kind=screen|kiosk&revoked=1.
func (s *Service) HandleList(c echo.Context) error {
	kind := Kind(c.QueryParam("kind"))
	if kind != "" && !kind.Valid() {
		return web.Invalid("kind", web.CodeInvalid, "want screen or kiosk")
	}
	list, err := s.List(c.Request().Context(), kind, c.QueryParam("revoked") == "1")
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"devices": list})
}

type renameRequest struct {
	Name string `json:"name"`
}

// HandleRename is PATCH /api/admin/devices/:id.
func (s *Service) HandleRename(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var req renameRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	d, err := s.Rename(c.Request().Context(), auth.Actor(c), id, req.Name)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

type revokeRequest struct {
	Reason string `json:"reason"`
}

// HandleRevoke is POST /api/admin/devices/:id/revoke.
func (s *Service) HandleRevoke(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var req revokeRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if err := s.Revoke(c.Request().Context(), auth.Actor(c), id, req.Reason); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
