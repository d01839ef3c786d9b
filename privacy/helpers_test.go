package privacy

import (
	"strconv"
	"testing"
	"unicode/utf16"
)

// withLuhn appends the Luhn check digit to an ASCII digit prefix.
func withLuhn(prefix string) string {
	for d := range 10 {
		if s := prefix + strconv.Itoa(d); Luhn(s) {
			return s
		}
	}
	panic("unreachable")
}

// withID18Check appends the MOD 11-2 check character to 17 ASCII digits.
func withID18Check(first17 string) string {
	sum := 0
	for i := range 17 {
		sum += int(first17[i]-'0') * id18Weights[i]
	}
	return first17 + string(id18Check[sum%11])
}

// sliceRunes returns the runes [a, b) of s, as a client counting code points would.
func sliceRunes(s string, a, b int) string {
	return string([]rune(s)[a:b])
}

// sliceUTF16 returns the UTF-16 code units [a, b) of s, as JavaScript's
// String.prototype.slice would.
func sliceUTF16(s string, a, b int) string {
	return string(utf16.Decode(utf16.Encode([]rune(s))[a:b]))
}

// checkFindings asserts the invariants every result of Scan must satisfy.
func checkFindings(t *testing.T, text string, fs []Finding) {
	t.Helper()
	nr := len([]rune(text))
	n16 := len(utf16.Encode([]rune(text)))
	prevEnd := 0
	for i, f := range fs {
		if f.Start < prevEnd || f.End <= f.Start || f.End > nr {
			t.Fatalf("finding %d %+v: bad rune offsets (previous end %d, %d runes)", i, f, prevEnd, nr)
		}
		if f.Start16 < f.Start || f.End16 <= f.Start16 || f.End16 > n16 {
			t.Fatalf("finding %d %+v: bad UTF-16 offsets (%d units)", i, f, n16)
		}
		if got := sliceRunes(text, f.Start, f.End); got != f.Text {
			t.Fatalf("finding %d: runes[%d:%d] = %q, Text = %q", i, f.Start, f.End, got, f.Text)
		}
		if got := sliceUTF16(text, f.Start16, f.End16); got != f.Text {
			t.Fatalf("finding %d: utf16[%d:%d] = %q, Text = %q", i, f.Start16, f.End16, got, f.Text)
		}
		prevEnd = f.End
	}
}
