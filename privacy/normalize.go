package privacy

import (
	"strings"

	"golang.org/x/text/width"
)

// NormalizeDigits prepares a number typed or imported by a person for
// validation or lookup (archive queries, ID columns):
//
//   - every character of East Asian width class Fullwidth is replaced by its
//     half-width form: ０-９ become 0-9, Ａ-Ｚ and ａ-ｚ become A-Z and a-z,
//     full-width punctuation such as － or ， becomes ASCII, and the
//     ideographic space U+3000 becomes an ASCII space (golang.org/x/text/width);
//   - leading and trailing white space is trimmed;
//   - a lower-case x becomes X (the check character of an ID number).
//
// Inner separators are kept, other letters keep their case and Wide
// characters (Chinese text and punctuation such as 。) are left unchanged.
//
//	NormalizeDigits("　１１０１０５１９４９１２３１００２ｘ ") == "11010519491231002X"
func NormalizeDigits(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		p := width.LookupRune(r)
		if p.Kind() == width.EastAsianFullwidth {
			if n := p.Narrow(); n != 0 {
				r = n
			}
		}
		if r == 'x' {
			r = 'X'
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// digitsOnly keeps the ASCII digits and X of s, dropping separators, signs
// and anything else.
func digitsOnly(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' || c == 'X' {
			b = append(b, c)
		}
	}
	return string(b)
}
