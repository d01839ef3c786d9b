package disclosure

import (
	"mime"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/web"
)

// HandleRegister is POST /api/admin/disclosure/requests: staff register a
// request that came by post, in person, by fax or online. The body is a
// Registration as JSON, or multipart/form-data with the Registration's
// JSON in the field "request" and an optional scanned application (PDF,
// JPEG or PNG) in the file field "scan". It answers 201 with the request
// as GET /api/admin/disclosure/requests/:id does.
func (s *Service) HandleRegister(c echo.Context) error {
	var reg Registration
	var scan *web.File
	if mt, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType)); mt == echo.MIMEMultipartForm {
		var err error
		if scan, err = web.FormFile(c, "scan", s.opts.UploadLimit); err != nil {
			return err
		}
		raw := c.FormValue("request")
		if strings.TrimSpace(raw) == "" {
			return web.Invalid("request", web.CodeRequired, "send the registration as JSON in the multipart field \"request\"")
		}
		if err := web.Decode(strings.NewReader(raw), &reg); err != nil {
			return err
		}
	} else if err := web.Bind(c, &reg); err != nil {
		return err
	}
	r, err := s.Register(c.Request().Context(), auth.Actor(c), reg, scan)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, r)
}

// HandleScan is GET /api/admin/disclosure/requests/:id/scan: the scanned
// application. It holds personal data: it is served on this admin route
// only (to the staff who handle requests, the editor role like every
// disclosure route), never cached (no-store), inline under its stored
// name.
func (s *Service) HandleScan(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	info, data, err := s.Scan(c.Request().Context(), id)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": info.Name}))
	return c.Blob(http.StatusOK, info.ContentType, data)
}

type receivedRequest struct {
	Date   string `json:"date"`
	Reason string `json:"reason"`
}

// HandleCorrectReceipt is POST /api/admin/disclosure/requests/:id/received
// with {"date": "YYYY-MM-DD", "reason"}: it corrects the receipt date and
// answers with the request, its deadline recomputed.
func (s *Service) HandleCorrectReceipt(c echo.Context) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	var req receivedRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	if _, err := s.CorrectReceipt(c.Request().Context(), auth.Actor(c), id, req.Date, req.Reason); err != nil {
		return err
	}
	r, err := s.Get(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}
