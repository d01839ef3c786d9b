package privacy

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Mask masks one value of the given kind with the policy's rule for it.
//
// Values of the numeric kinds (KindID18, KindID15, KindMobile, KindBankCard)
// are normalised first: NormalizeDigits, then every separator or sign is
// dropped, and a mobile number loses its "86"/"+86" country code. So
// Mask(KindMobile, "+86 138-1234-5678") is "138****5678". Names and generic
// values are only trimmed. Unknown kinds use the Generic rule, so a mistake
// never reveals more. Mask never fails; use MaskField when the kind comes
// from configuration.
func (p Policy) Mask(kind Kind, value string) string {
	if kind.numeric() {
		value = numericForm(kind, value)
	} else {
		value = strings.TrimSpace(value)
	}
	return p.RuleFor(kind).apply(value)
}

// MaskName masks a person's name with the Name rule
// (by default 张三丰 -> 张**, 李四 -> 李*).
func (p Policy) MaskName(name string) string {
	return p.Mask(KindName, name)
}

// MaskField masks a value of a record field whose kind is declared in
// configuration (an archive column, a form field). It is Mask with a check
// of the kind: an unknown kind is an error rather than a silent fallback.
func (p Policy) MaskField(kind Kind, value string) (string, error) {
	if !kind.known() {
		return "", fmt.Errorf("privacy: unknown kind %q", kind)
	}
	return p.Mask(kind, value), nil
}

// numericForm reduces a numeric value to the digits (and X) that are masked.
func numericForm(kind Kind, value string) string {
	d := digitsOnly(NormalizeDigits(value))
	if kind == KindMobile && len(d) == 13 && strings.HasPrefix(d, "86") {
		d = d[2:]
	}
	return d
}

// apply masks s: KeepFirst and KeepLast characters stay, every other
// character becomes the mask character, and at least one is hidden.
func (r Rule) apply(s string) string {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return ""
	}
	first, last := max(r.KeepFirst, 0), max(r.KeepLast, 0)
	first = min(first, n-1)
	last = min(last, n-1-first)
	mask := string(DefaultMaskChar)
	if r.MaskChar != "" {
		mask = r.MaskChar
	}
	var b strings.Builder
	b.Grow(len(s) + n*len(mask))
	i := 0
	for _, c := range s {
		if i < first || i >= n-last {
			b.WriteRune(c)
		} else {
			b.WriteString(mask)
		}
		i++
	}
	return b.String()
}
