package handwriting

import (
	"math"
	"sort"
)

// The features are those Zinnia's models were trained on, computed as
// Zinnia computes them (in float32): the pad is scaled to the unit
// square; each stroke is cut recursively at the point farthest from the
// chord between its ends (while that point is farther than about 0.03,
// squared distance over 0.001), giving a binary tree of segments; each
// segment, and each pen move between strokes, adds twelve numbers (its
// length and angle, where it starts and ends, their angle and distance
// from the centre, its extent in x and y); and the number of strokes is
// one feature plus one indicator. A feature's index says which stroke,
// which segment of the tree (or which move) and which of the twelve.
const (
	maxSegment    = 50 // tree positions kept per stroke (0..50)
	splitError    = 0.001
	strokeStride  = 1000
	segmentStride = 20
	moveBase      = 100000
	countBase     = 2000000
)

// feature is one non-zero value of the feature vector.
type feature struct {
	index int32
	value float32
}

type node struct{ x, y float32 }

// segment is one node of a stroke's tree: the points first..last.
type segment struct {
	first, last int
	set         bool
}

// features returns the sorted feature vector of ink, or nil when the ink
// is empty or the pad has no size.
func features(ink Ink) []feature {
	if ink.Width <= 0 || ink.Height <= 0 || len(ink.Strokes) == 0 {
		return nil
	}
	strokes := make([][]node, len(ink.Strokes))
	for i, s := range ink.Strokes {
		if len(s) == 0 {
			return nil
		}
		strokes[i] = make([]node, len(s))
		for j, p := range s {
			// Zinnia takes whole pixels.
			strokes[i][j] = node{float32(math.Trunc(p.X) / ink.Width), float32(math.Trunc(p.Y) / ink.Height)}
		}
	}
	out := []feature{{0, 1}} // the bias term
	var prev *node
	for sid, s := range strokes {
		tree := make([]segment, maxSegment+1)
		split(s, 0, len(s)-1, 0, tree)
		for i, sg := range tree {
			if sg.set {
				out = basic(out, int32(sid*strokeStride+segmentStride*i), s[sg.first], s[sg.last])
			}
		}
		if prev != nil {
			out = basic(out, int32(moveBase+sid*strokeStride), *prev, s[0])
		}
		prev = &s[len(s)-1]
	}
	n := int32(len(strokes))
	out = append(out, feature{countBase, float32(n)}, feature{countBase + n, 10})
	sort.SliceStable(out, func(i, j int) bool { return out[i].index < out[j].index })
	return out
}

// split records the segment first..last at tree position id and, when a
// point between lies far enough from its chord, splits it there.
func split(s []node, first, last, id int, tree []segment) {
	if id > maxSegment {
		// Deeper positions are not features (their children are
		// deeper still).
		return
	}
	tree[id] = segment{first, last, true}
	best, dist := farthest(s, first, last)
	if dist > splitError {
		split(s, first, best, id*2+1, tree)
		split(s, best, last, id*2+2, tree)
	}
}

// farthest returns the point of s[first:last] farthest from the line
// through s[first] and s[last], and its squared distance. Like Zinnia, it
// reports +Inf or NaN for a closed stroke (both ends at one place).
func farthest(s []node, first, last int) (int, float32) {
	if first == last {
		return first, 0
	}
	f, l := s[first], s[last]
	a := l.x - f.x
	b := l.y - f.y
	c := float32(float64(l.y*f.x) - float64(l.x*f.y))
	max := float32(-1)
	best := first
	for i := first; i < last; i++ {
		d := float32(math.Abs(float64(a*s[i].y - b*s[i].x + c)))
		if d > max {
			max, best = d, i
		}
	}
	return best, max * max / (a*a + b*b)
}

func dist(a, b node) float32 {
	x, y := a.x-b.x, a.y-b.y
	return float32(math.Sqrt(float64(x*x + y*y)))
}

func atan2(y, x float32) float32 { return float32(math.Atan2(float64(y), float64(x))) }

// basic appends the twelve features of the segment from f to l at offset.
func basic(out []feature, offset int32, f, l node) []feature {
	centre := node{0.5, 0.5}
	return append(out,
		feature{offset + 1, 10 * dist(f, l)},
		feature{offset + 2, atan2(l.y-f.y, l.x-f.x)},
		feature{offset + 3, 10 * (f.x - 0.5)},
		feature{offset + 4, 10 * (f.y - 0.5)},
		feature{offset + 5, 10 * (l.x - 0.5)},
		feature{offset + 6, 10 * (l.y - 0.5)},
		feature{offset + 7, atan2(f.y-0.5, f.x-0.5)},
		feature{offset + 8, atan2(l.y-0.5, l.x-0.5)},
		feature{offset + 9, 10 * dist(f, centre)},
		feature{offset + 10, 10 * dist(l, centre)},
		feature{offset + 11, 5 * (l.x - f.x)},
		feature{offset + 12, 5 * (l.y - f.y)},
	)
}
