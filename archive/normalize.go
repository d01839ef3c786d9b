package archive

import (
	"strings"
	"unicode"

	"github.com/hallcast/hallcast/privacy"
)

// NormalizeKey brings a key to the form that is hashed, at import and at
// lookup alike: full-width characters become half-width
// (privacy.NormalizeDigits), letters become upper case, and spaces and
// hyphens are dropped.
//
//	NormalizeKey(" １１０１０５-１９４９ x") == "1101051949X"
func NormalizeKey(s string) string {
	if mayHaveWide(s) {
		s = privacy.NormalizeDigits(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\t' || r == '\u3000':
			continue
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// accepts reports whether every character of a normalised key can be
// typed on the keypad.
func (kp Keypad) accepts(s string) bool {
	if s == "" || len(s) > maxKeyLen {
		return false
	}
	if kp == KeypadName {
		for _, r := range s {
			if !unicode.Is(unicode.Han, r) && r != '·' {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c == 'X':
		case kp == KeypadAlnum && c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return true
}

// derive computes the key from its field's value: normalised, then cut to
// the last Last characters. It returns the problem code when the value
// cannot be a key.
func (k QueryKey) derive(value string) (string, Reason) {
	v := NormalizeKey(value)
	if v == "" {
		return "", ReasonKeyMissing
	}
	if k.Last > 0 {
		if len(v) < k.Last {
			return "", ReasonKeyShort
		}
		v = v[len(v)-k.Last:]
	}
	if !k.Keypad.accepts(v) {
		return "", ReasonKeyChars
	}
	return v, ""
}
