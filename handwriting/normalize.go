package handwriting

import "math"

// normalSide is the side of the square box ink is normalised to, and
// normalShare the part of it the ink's longer side then spans.
const (
	normalSide  = 1000
	normalShare = 0.7
	// minShare: ink whose longer side spans less of the pad (a dot, a
	// short tick) is centred but not enlarged.
	minShare = 0.1
)

// normalize centres the ink in a normalSide square and scales it, keeping
// its proportions, so that its longer side spans normalShare of it: a
// character written small or off-centre on the pad scores as one written
// in the middle (the model's features are positions in the box).
func normalize(ink Ink) Ink {
	if ink.Width <= 0 || ink.Height <= 0 {
		return ink
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range ink.Strokes {
		for _, p := range s {
			minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
			minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
		}
	}
	if math.IsInf(minX, 0) {
		return ink
	}
	side := math.Max(maxX-minX, maxY-minY)
	scale := normalSide / math.Max(ink.Width, ink.Height)
	if side > minShare*math.Max(ink.Width, ink.Height) {
		scale = normalSide * normalShare / side
	}
	cx, cy := (minX+maxX)/2, (minY+maxY)/2
	out := Ink{Width: normalSide, Height: normalSide, Strokes: make([][]Point, len(ink.Strokes))}
	for i, s := range ink.Strokes {
		out.Strokes[i] = make([]Point, len(s))
		for j, p := range s {
			out.Strokes[i][j] = Point{X: (p.X-cx)*scale + normalSide/2, Y: (p.Y-cy)*scale + normalSide/2}
		}
	}
	return out
}
