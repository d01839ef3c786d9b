package privacy

import "strings"

// ValidMobile reports whether s is a mainland mobile number: 11 ASCII digits
// starting with 13 to 19, optionally preceded by the country code "+86" or
// "86" without separators (e.g. "13812345678", "+8613812345678"). Use
// NormalizeDigits and remove separators first for numbers typed by a person.
func ValidMobile(s string) bool {
	if len(s) == 14 && strings.HasPrefix(s, "+86") {
		s = s[3:]
	} else if len(s) == 13 && strings.HasPrefix(s, "86") {
		s = s[2:]
	}
	return validMobile11(s)
}

// validMobile11 checks an 11-digit national mobile number.
func validMobile11[T bytestring](s T) bool {
	return len(s) == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && allDigits(s)
}
