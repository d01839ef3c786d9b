package search

import (
	"strings"
	"unicode/utf8"
)

// Segment is a piece of text; Hit marks a piece that matched the query.
// The kiosk renders hits with <mark>, never as HTML.
type Segment struct {
	Text string `json:"t"`
	Hit  bool   `json:"h,omitempty"`
}

// snippetRunes is the length of a snippet.
const snippetRunes = 110

// Highlight cuts text into segments, marking every occurrence of the
// needles (normalised strings, see Normalize). The text is compared with
// full-width letters and digits folded to ASCII and ASCII in lower case,
// and shown as it is.
func Highlight(text string, needles []string) []Segment {
	spans := matches(text, needles)
	return segments(text, spans, 0, len(text))
}

// Snippet returns about n characters of text around the first match,
// with "…" where it was cut, cut into segments like Highlight.
func Snippet(text string, needles []string, n int) []Segment {
	text = strings.Join(strings.Fields(text), " ")
	spans := matches(text, needles)
	start := 0
	if len(spans) > 0 {
		start = spans[0][0]
		// Show some context before the first match.
		for back := 0; back < n/4 && start > 0; back++ {
			_, size := utf8.DecodeLastRuneInString(text[:start])
			start -= size
		}
	}
	end := start
	for count := 0; count < n && end < len(text); count++ {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	segs := segments(text, spans, start, end)
	if start > 0 {
		segs = append([]Segment{{Text: "…"}}, segs...)
	}
	if end < len(text) {
		segs = append(segs, Segment{Text: "…"})
	}
	return segs
}

// fold maps a full-width letter or digit to ASCII, ASCII to lower case
// and a traditional character to its simplified form, as Normalize does.
func fold(r rune) rune {
	r = foldRune(r)
	if (r >= 0xFF10 && r <= 0xFF19) || (r >= 0xFF21 && r <= 0xFF3A) || (r >= 0xFF41 && r <= 0xFF5A) {
		r -= 0xFEE0
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

// matchAt returns the byte length of text that matches needle at its
// start (folded), or 0.
func matchAt(text, needle string) int {
	i := 0
	for _, nr := range needle {
		if i >= len(text) {
			return 0
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if fold(r) != nr {
			return 0
		}
		i += size
	}
	return i
}

// matches returns the byte spans of the needles in text, sorted and not
// overlapping (the longer match wins at one position).
func matches(text string, needles []string) [][2]int {
	var spans [][2]int
	for i := 0; i < len(text); {
		best := 0
		for _, n := range needles {
			if m := matchAt(text[i:], n); m > best {
				best = m
			}
		}
		if best > 0 {
			spans = append(spans, [2]int{i, i + best})
			i += best
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return spans
}

// segments cuts text[from:to] at the spans.
func segments(text string, spans [][2]int, from, to int) []Segment {
	out := []Segment{}
	pos := from
	for _, sp := range spans {
		if sp[1] <= from || sp[0] >= to {
			continue
		}
		a, b := max(sp[0], from), min(sp[1], to)
		if a > pos {
			out = append(out, Segment{Text: text[pos:a]})
		}
		out = append(out, Segment{Text: text[a:b], Hit: true})
		pos = b
	}
	if pos < to {
		out = append(out, Segment{Text: text[pos:to]})
	}
	return out
}
