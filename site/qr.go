package site

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	qrcode "github.com/yeqown/go-qrcode/v2"

	"github.com/hallcast/hallcast/web"
)

// QR codes lead from a screen, the kiosk or a printed board to a notice's
// page (github.com/yeqown/go-qrcode/v2, MIT, maintained; chosen over
// skip2/go-qrcode, unchanged since 2020). They hold the notice's short URL
// only (<base>/gk/n/<id>: no personal data, no token), the same for every
// version of the notice, so a board printed last week still leads to the
// text in force. Error correction M (15%): a URL of about 40 characters
// fits version 3 (29×29 modules); the SVG draws one unit per module with
// the quiet zone of 4 modules the standard asks for (37 units in all), so
// a client scales it by whole pixels per module. Sizes on screens and
// paper: docs/site.md ("QR codes").

// quietZone is the white margin around a QR code, in modules (ISO/IEC
// 18004 asks for 4).
const quietZone = 4

// qrSVG draws text's QR code as an SVG of one unit per module.
func qrSVG(text string) ([]byte, error) {
	q, err := qrcode.NewWith(text, qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium))
	if err != nil {
		return nil, fmt.Errorf("site: unable to encode a QR code: %w", err)
	}
	w := &svgWriter{}
	if err := q.Save(w); err != nil {
		return nil, fmt.Errorf("site: unable to draw a QR code: %w", err)
	}
	return w.buf.Bytes(), nil
}

// svgWriter writes a QR matrix as SVG: one path of the dark runs of each
// row.
type svgWriter struct{ buf bytes.Buffer }

func (w *svgWriter) Write(m qrcode.Matrix) error {
	n := m.Width() + 2*quietZone
	dark := make([][]bool, m.Height())
	for y := range dark {
		dark[y] = make([]bool, m.Width())
	}
	m.Iterate(qrcode.IterDirection_ROW, func(x, y int, v qrcode.QRValue) { dark[y][x] = v.IsSet() })
	var d strings.Builder
	for y, row := range dark {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			run := 0
			for x+run < len(row) && row[x+run] {
				run++
			}
			fmt.Fprintf(&d, "M%d %dh%dv1h-%dz", x+quietZone, y+quietZone, run, run)
			x += run
		}
	}
	fmt.Fprintf(&w.buf, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" shape-rendering="crispEdges">`+
		`<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`, n, n, n, n, n, n, d.String())
	return nil
}

func (w *svgWriter) Close() error { return nil }

// HandleQR is GET /gk/qr/:file, file being <id>.svg: the QR code of a
// public notice's page; 404 for any other notice. Cached a day.
func (s *Site) HandleQR(c echo.Context) error {
	name, ok := strings.CutSuffix(c.Param("file"), ".svg")
	id, err := strconv.ParseInt(name, 10, 64)
	if !ok || err != nil || id <= 0 {
		return web.NotFound("notice")
	}
	return s.cached(c, "qr|"+s.base(c)+"|"+name, "86400", func() (string, []byte, error) {
		if _, err := s.o.Notices.PublicNotice(c.Request().Context(), id); err != nil {
			return "", nil, err
		}
		b, err := qrSVG(s.base(c) + noticeURL(id))
		return "image/svg+xml", b, err
	})
}
