package handwriting

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// Limits of one recognition request: a character is a few dozen strokes
// of a few dozen points at most (the pad drops points closer than a few
// pixels to the previous one).
const (
	maxStrokes = 40
	maxPoints  = 800
	maxSide    = 4096
	// Candidates is how many characters a request gets back.
	Candidates = 10
)

// Handler serves the kiosk's handwriting pad.
type Handler struct{ s *Service }

// NewHandler returns the handlers of s.
func NewHandler(s *Service) *Handler { return &Handler{s: s} }

// HandleStatus is GET /api/kiosk/handwriting: whether the pad can be
// offered ({"available": false} without a model: the kiosk keeps pinyin).
// The kiosk asks when its keyboard first opens: the model is read then,
// before the first stroke.
func (h *Handler) HandleStatus(c echo.Context) error {
	ok := h.s.Available()
	if ok {
		h.s.Preload()
	}
	return c.JSON(http.StatusOK, map[string]bool{"available": ok})
}

// inkRequest is the pad's ink: its size in pixels and the strokes as
// [x, y] pairs in the order they were drawn.
type inkRequest struct {
	Width   int        `json:"width"`
	Height  int        `json:"height"`
	Strokes [][][2]int `json:"strokes"`
}

// HandleRecognize is POST /api/kiosk/handwriting: the best candidates for
// what was written so far, best first. Nothing is stored or logged.
func (h *Handler) HandleRecognize(c echo.Context) error {
	var req inkRequest
	if err := web.Bind(c, &req); err != nil {
		return err
	}
	var ck web.Check
	ck.That(req.Width > 0 && req.Width <= maxSide, "width", web.CodeOutOfRange, "from 1 to %d pixels", maxSide)
	ck.That(req.Height > 0 && req.Height <= maxSide, "height", web.CodeOutOfRange, "from 1 to %d pixels", maxSide)
	ck.That(len(req.Strokes) > 0, "strokes", web.CodeRequired, "at least one stroke")
	ck.That(len(req.Strokes) <= maxStrokes, "strokes", web.CodeTooLong, "at most %d strokes", maxStrokes)
	points := 0
	for _, s := range req.Strokes {
		points += len(s)
		if len(s) == 0 {
			ck.Add(web.Invalid("strokes", web.CodeInvalid, "a stroke has no points"))
			break
		}
	}
	ck.That(points <= maxPoints, "strokes", web.CodeTooLong, "at most %d points", maxPoints)
	if err := ck.Err(); err != nil {
		return err
	}
	ink := Ink{Width: float64(req.Width), Height: float64(req.Height), Strokes: make([][]Point, len(req.Strokes))}
	for i, s := range req.Strokes {
		ink.Strokes[i] = make([]Point, len(s))
		for j, p := range s {
			// Points off the pad (a finger sliding past its edge) are
			// kept at its edge.
			ink.Strokes[i][j] = Point{X: float64(min(max(p[0], 0), req.Width)), Y: float64(min(max(p[1], 0), req.Height))}
		}
	}
	cands, err := h.s.Recognize(ink, Candidates)
	if errors.Is(err, ErrUnavailable) {
		return web.Unavailable("handwriting recognition is not installed on this server")
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"candidates": cands})
}
