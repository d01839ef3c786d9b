package notice

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// HandleScan is POST /api/admin/notices/scan with Texts: the personal data
// in unsaved texts, and the texts masked by the policy, for the editor's
// highlighting and its "mask all" button.
func (s *Service) HandleScan(c echo.Context) error {
	var t Texts
	if err := web.Bind(c, &t); err != nil {
		return err
	}
	var chk web.Check
	chk.MaxRunes("title", t.Title, MaxTitle)
	chk.MaxRunes("body", t.Body, MaxBody)
	chk.MaxRunes("led_text", t.LEDText, MaxLEDText)
	if err := chk.Err(); err != nil {
		return err
	}
	p, err := s.policy(c.Request().Context())
	if err != nil {
		return wrap("read the masking policy", err)
	}
	return c.JSON(http.StatusOK, map[string]any{"findings": ScanTexts(p, t), "masked": MaskTexts(p, t)})
}

type previewRequest struct {
	Body string `json:"body"`
}

// HandlePreview is POST /api/admin/notices/preview with {"body": markdown}:
// the sanitised HTML exactly as screens will get it.
func (s *Service) HandlePreview(c echo.Context) error {
	var req previewRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	var chk web.Check
	chk.MaxRunes("body", req.Body, MaxBody)
	if err := chk.Err(); err != nil {
		return err
	}
	html, text := Render(req.Body)
	return c.JSON(http.StatusOK, map[string]string{"html": html, "text": text})
}
