package privacy

// Luhn reports whether s, a string of ASCII digits (at least two), passes
// the Luhn (mod 10) check used by bank card numbers. Any other character,
// including a separator, makes it false.
func Luhn(s string) bool {
	return luhn(s)
}

func luhn[T bytestring](s T) bool {
	if len(s) < 2 || !allDigits(s) {
		return false
	}
	sum := 0
	double := false
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// validCard reports whether s looks like a bank card number: 16 to 19 ASCII
// digits, not starting with 0 (no card scheme does), passing Luhn.
func validCard[T bytestring](s T) bool {
	return len(s) >= 16 && len(s) <= 19 && s[0] != '0' && luhn(s)
}
