package archive

import (
	"strings"

	"golang.org/x/text/width"
)

// mayHaveWide reports whether s can hold a full-width character or the
// ideographic space: their UTF-8 forms start with 0xEF 0xBC–0xBF (U+FF00–
// U+FFFF) or are E3 80 80 (U+3000). Most imported values have neither and
// skip the width tables.
func mayHaveWide(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xEF && s[i+1] >= 0xBC {
			return true
		}
		if s[i] == 0xE3 && s[i+1] == 0x80 && i+2 < len(s) && s[i+2] == 0x80 {
			return true
		}
	}
	return false
}

// foldText is the canonical form of a text value for recognising
// duplicates: full-width characters folded to half-width, trimmed.
func foldText(s string) string {
	if mayHaveWide(s) {
		s = width.Fold.String(s)
	}
	return strings.TrimSpace(s)
}
