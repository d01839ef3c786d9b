package handwriting

import (
	"sort"
)

// Stroke-order tolerance. Zinnia's features follow the order of the
// strokes, and the Tegaki model was trained, for some characters, in an
// order other than the one schools teach (这 with 辶 first, for one), as
// citizens, too, do not always write in the taught order. So besides the
// ink as drawn, Recognize scores a few reorderings of its strokes: each
// pair of neighbours swapped, the last one to three strokes moved first
// and the first one to three moved last. A reordering's best character
// joins the candidates when it wins that reordering by orderMargin over
// the next, with its score lowered by orderPenalty, behind the best
// character of the ink as drawn, which stays first. On the 200 characters
// of the test data this takes the share among the first five from 78 % to
// 85 % and leaves the first candidate as it was (docs/benchmarks.md).
const (
	orderMargin  = 0.5
	orderPenalty = 0.4
	orderMoves   = 3
	// maxSwapped: ink of more strokes is not tried with its neighbours
	// swapped (as many orders as strokes), to answer within 50 ms.
	maxSwapped = 16
)

// Recognize returns the n characters the ink most likely is, best first.
// The ink is first centred and scaled (normalize); each character's score
// is its bias plus the dot product of its weights with the ink's features
// (features the model never uses count for nothing), as Zinnia scores;
// reorderings of the strokes may add candidates (see orderMargin). It
// returns nil for empty ink.
func (m *Model) Recognize(ink Ink, n int) []Candidate {
	ink = normalize(ink)
	out := m.classify(ink, n)
	if out == nil {
		return nil
	}
	at := map[string]int{}
	for i, c := range out {
		at[c.Char] = i
	}
	for _, strokes := range reorderings(ink.Strokes) {
		best := m.classify(Ink{Width: ink.Width, Height: ink.Height, Strokes: strokes}, 2)
		if len(best) < 2 || best[0].Score-best[1].Score < orderMargin {
			continue
		}
		c := Candidate{Char: best[0].Char, Score: best[0].Score - orderPenalty}
		if i, ok := at[c.Char]; ok {
			out[i].Score = max(out[i].Score, c.Score)
			continue
		}
		at[c.Char] = len(out)
		out = append(out, c)
	}
	// The best candidate of the ink as drawn stays first.
	rest := out[1:]
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].Score > rest[j].Score })
	return out[:min(n, len(out))]
}

// reorderings lists the stroke orders tried besides the one drawn.
func reorderings(st [][]Point) [][][]Point {
	n := len(st)
	var out [][][]Point
	for i := 0; i+1 < n && n <= maxSwapped; i++ {
		s := append([][]Point(nil), st...)
		s[i], s[i+1] = s[i+1], s[i]
		out = append(out, s)
	}
	for k := 1; k <= orderMoves && k < n; k++ {
		out = append(out, append(append([][]Point(nil), st[n-k:]...), st[:n-k]...))
		if n > 2 || k > 1 {
			// With two strokes, the first moved last is the swap.
			out = append(out, append(append([][]Point(nil), st[k:]...), st[:k]...))
		}
	}
	return out
}

// classify scores ink as it is, as Zinnia's classify does.
func (m *Model) classify(ink Ink, n int) []Candidate {
	fs := features(ink)
	if fs == nil || n <= 0 || len(m.chars) == 0 {
		return nil
	}
	scores := append([]float32(nil), m.bias...)
	for i, f := range fs {
		// A repeated index (a stroke's deepest segment may share one
		// with the next stroke's first) counts once, with its first
		// value, as in Zinnia's merge of two sorted lists.
		if i > 0 && fs[i-1].index == f.index {
			continue
		}
		s, ok := m.slotOf[f.index]
		if !ok {
			continue
		}
		chars, weights := m.char[m.start[s]:m.start[s+1]], m.weight[m.start[s]:m.start[s+1]]
		for j, c := range chars {
			scores[c] += weights[j] * f.value
		}
	}
	return top(m.chars, scores, n)
}

// top returns the n best-scoring characters, best first.
func top(chars []string, scores []float32, n int) []Candidate {
	n = min(n, len(chars))
	best := make([]int, 0, n+1)
	for i, s := range scores {
		if len(best) == n && s <= scores[best[n-1]] {
			continue
		}
		// Insert i in order (n is small).
		k := sort.Search(len(best), func(j int) bool { return scores[best[j]] < s })
		best = append(best, 0)
		copy(best[k+1:], best[k:])
		best[k] = i
		if len(best) > n {
			best = best[:n]
		}
	}
	out := make([]Candidate, len(best))
	for i, b := range best {
		out[i] = Candidate{Char: chars[b], Score: scores[b]}
	}
	return out
}
