package notice

import (
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// HandleUpload is POST /api/admin/uploads (multipart, field "file"): it
// checks the type against the content and the size against the upload
// limit, stores the bytes once per content, and returns the reference to
// attach ({"sha256", "name", "content_type", "size"}).
func (s *Service) HandleUpload(c echo.Context) error {
	f, err := web.FormFile(c, "file", s.limit)
	if err != nil {
		return err
	}
	if f == nil {
		return web.Invalid("file", web.CodeRequired, "send the file as multipart field \"file\"")
	}
	up, err := s.Upload(c.Request().Context(), WhoOf(c), f.Name, f.Data)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, up)
}

// HandlePublicFile is GET /files/:id/:name: the public copy (R6: a data
// file with its findings masked but the kept ones) of an attachment of a
// published or expired notice, for kiosks and screens, without login.
func (s *Service) HandlePublicFile(c echo.Context) error {
	return s.serveAttachment(c, `AND v.status IN ('published', 'expired') AND n.live_version_id = v.id AND n.withdrawn_at IS NULL
		AND a.public_sha256 IS NOT NULL`, true)
}

// HandleAdminFile is GET /api/admin/attachments/:id: any attachment.
func (s *Service) HandleAdminFile(c echo.Context) error {
	return s.serveAttachment(c, "", false)
}

func (s *Service) serveAttachment(c echo.Context, cond string, public bool) error {
	id, err := web.PathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	var a Attachment
	cols := "a.sha256, a.size"
	if public {
		cols = "a.public_sha256 AS sha256, a.public_size AS size"
	}
	err = s.db.Get(ctx, &a, `SELECT a.id, a.version_id, `+cols+`, a.name, a.content_type, a.position
		FROM notice_attachments a JOIN notice_versions v ON v.id = a.version_id JOIN notices n ON n.id = v.notice_id
		WHERE a.id = ? `+cond, id)
	if store.IsNotFound(err) {
		return web.NotFound("file")
	}
	if err != nil {
		return fmt.Errorf("notice: unable to read attachment %d: %w", id, err)
	}
	h := c.Response().Header()
	etag := `"` + a.SHA256 + `"`
	h.Set("ETag", etag)
	h.Set("X-Content-Type-Options", "nosniff")
	if public {
		h.Set("Cache-Control", "public, max-age=300")
	} else {
		h.Set("Cache-Control", "private, no-cache")
	}
	if match := c.Request().Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		return c.NoContent(http.StatusNotModified)
	}
	data, err := getBlob(ctx, s.db, a.SHA256)
	if err != nil {
		return err
	}
	disposition := "attachment"
	if typeByContentType(a.ContentType).inline {
		disposition = "inline"
	}
	h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": a.Name}))
	ct := a.ContentType
	if ct == "text/csv" {
		ct += "; charset=utf-8"
		if !utf8.Valid(data) {
			ct = "text/csv; charset=gb18030"
		}
	}
	return c.Blob(http.StatusOK, ct, data)
}
