package handwriting

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

// written is one character of testdata/medians.json: its strokes' centre
// lines in writing order, in hanzi-writer-data's 1024-unit box with y up
// (the top edge is y = 900).
type written struct {
	Char    string     `json:"char"`
	Medians [][][2]int `json:"medians"`
}

func medians(tb testing.TB) map[string]written {
	tb.Helper()
	b, err := os.ReadFile("testdata/medians.json")
	if err != nil {
		tb.Fatal(err)
	}
	var list []written
	if err := json.Unmarshal(b, &list); err != nil {
		tb.Fatal(err)
	}
	out := map[string]written{}
	for _, w := range list {
		out[w.Char] = w
	}
	return out
}

// padSide is the side of the kiosk's handwriting pad in CSS pixels.
const padSide = 600

// draw writes w on a pad as a finger would, with jitter from seed: the
// character at a random size (45–55 % of the data's box per pad pixel,
// about 460–560 pixels) and place; each stroke moved a little on its own
// (σ 6 px); the pen sampled every 8 px along the stroke, each sample off
// by a little (σ 3 px), rounded to whole pixels.
func draw(w written, seed uint64) Ink {
	r := rand.New(rand.NewPCG(seed, 0x68616e7a69))
	scale := 0.45 + 0.1*r.Float64()
	size := 1024 * scale
	ox := (padSide-size)/2 + r.NormFloat64()*20
	oy := (padSide-size)/2 + r.NormFloat64()*20
	ink := Ink{Width: padSide, Height: padSide}
	for _, m := range w.Medians {
		dx, dy := r.NormFloat64()*6, r.NormFloat64()*6
		at := func(p [2]int) (float64, float64) {
			return ox + dx + float64(p[0])*scale, oy + dy + float64(900-p[1])*scale
		}
		var stroke []Point
		add := func(x, y float64) {
			x += r.NormFloat64() * 3
			y += r.NormFloat64() * 3
			stroke = append(stroke, Point{math.Round(min(max(x, 0), padSide)), math.Round(min(max(y, 0), padSide))})
		}
		x0, y0 := at(m[0])
		add(x0, y0)
		for _, p := range m[1:] {
			x1, y1 := at(p)
			steps := int(math.Hypot(x1-x0, y1-y0)/8) + 1
			for k := 1; k <= steps; k++ {
				f := float64(k) / float64(steps)
				add(x0+(x1-x0)*f, y0+(y1-y0)*f)
			}
			x0, y0 = x1, y1
		}
		ink.Strokes = append(ink.Strokes, stroke)
	}
	return ink
}

// rankOf is the place of char among the candidates, or -1.
func rankOf(cands []Candidate, char string) int {
	for i, c := range cands {
		if c.Char == char {
			return i
		}
	}
	return -1
}
