package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The token scheme is the same for documents and queries, and for both
// databases: text is normalised (NFKC, so full-width letters and digits
// become ASCII; lower case), then split into runs. A run of Han characters
// becomes its overlapping bigrams followed by its last character alone
// ("征地补偿" → 征地 地补 补偿 偿), so every character of the run starts
// exactly one token: a one-character query is a prefix query, a
// two-character query one exact token, a longer phrase consecutive
// bigrams. A run of Latin letters and digits is one token ("2026",
// "11440300mb2c12345x"). Everything else separates tokens.

// runKind tells Han runs from Latin/digit runs.
type runKind int

const (
	runHan runKind = iota + 1
	runWord
)

// run is a maximal stretch of Han characters or of letters and digits.
type run struct {
	kind runKind
	text string
}

// Normalize returns the form in which text is indexed and shown in
// snippets: NFKC with ASCII letters lowered and traditional characters
// simplified (fold.go).
func Normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return foldRune(r)
	}, norm.NFKC.String(s))
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isWord(r rune) bool {
	return !isHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// runs splits normalised text into Han and word runs.
func runs(s string) []run {
	var out []run
	start, kind := -1, runKind(0)
	flush := func(end int) {
		if start >= 0 {
			out = append(out, run{kind: kind, text: s[start:end]})
		}
		start, kind = -1, 0
	}
	for i, r := range s {
		k := runKind(0)
		switch {
		case isHan(r):
			k = runHan
		case isWord(r):
			k = runWord
		}
		if k != kind {
			flush(i)
			if k != 0 {
				start, kind = i, k
			}
		}
	}
	flush(len(s))
	return out
}

// hanTokens returns the bigrams of a Han run followed by its last character.
func hanTokens(s string) []string {
	rs := []rune(s)
	out := make([]string, 0, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, string(rs[i:i+2]))
	}
	return append(out, string(rs[len(rs)-1]))
}

// Tokens returns the index tokens of text, in order.
func Tokens(text string) []string {
	var out []string
	for _, r := range runs(Normalize(text)) {
		if r.kind == runHan {
			out = append(out, hanTokens(r.text)...)
		} else {
			out = append(out, r.text)
		}
	}
	return out
}

// maxIndexedRunes bounds how much of one field is indexed.
const maxIndexedRunes = 30000

// IndexText is text as FTS5 indexes it: its tokens joined by spaces.
func IndexText(text string) string {
	if rs := []rune(text); len(rs) > maxIndexedRunes {
		text = string(rs[:maxIndexedRunes])
	}
	return strings.Join(Tokens(text), " ")
}
