package archive

import (
	"strings"
	"unicode/utf8"

	"github.com/hallcast/hallcast/privacy"
)

// fieldPolicy returns the masking policy of a field: p with the field's
// KeepFirst/KeepLast, when set, replacing the rule of its kind.
func fieldPolicy(p privacy.Policy, f Field) privacy.Policy {
	if f.KeepFirst == nil && f.KeepLast == nil {
		return p
	}
	r := p.RuleFor(f.Kind)
	if f.KeepFirst != nil {
		r.KeepFirst = *f.KeepFirst
	}
	if f.KeepLast != nil {
		r.KeepLast = *f.KeepLast
	}
	switch f.Kind {
	case privacy.KindID18:
		p.ID18, p.ID15 = r, r
	case privacy.KindID15:
		p.ID15 = r
	case privacy.KindMobile:
		p.Mobile = r
	case privacy.KindBankCard:
		p.BankCard = r
	case privacy.KindName:
		p.Name = r
	default:
		p.Generic = r
	}
	return p
}

// prepare turns an imported value of the field into its canonical form
// (for the row hash) and its display form (masked when personal). Only
// the display form is ever stored.
func prepare(p privacy.Policy, f Field, value string) (canonical, display string, reason Reason) {
	if utf8.RuneCountInString(value) > maxValueRunes {
		return "", "", ReasonTooLong
	}
	switch f.Kind {
	case "":
		return foldText(value), maskNumbers(p, strings.TrimSpace(value)), ""
	case privacy.KindID18, privacy.KindID15:
		v := NormalizeKey(value)
		switch {
		case v == "":
			return "", "", ""
		case privacy.ValidID18(v):
			return v, p.Mask(privacy.KindID18, v), ""
		case privacy.ValidID15(v):
			return v, p.Mask(privacy.KindID15, v), ""
		}
		return "", "", ReasonInvalidID
	case privacy.KindMobile, privacy.KindBankCard:
		v := NormalizeKey(value)
		return v, p.Mask(f.Kind, v), ""
	}
	canonical = foldText(value)
	if canonical == "" {
		return "", "", ""
	}
	return canonical, p.Mask(f.Kind, value), ""
}

// maskNumbers masks ID, mobile and card numbers found in a value that is
// not declared personal, so a mistake in a definition never puts one on a
// screen. Values with fewer than 11 digits cannot hold one and are not
// scanned.
func maskNumbers(p privacy.Policy, v string) string {
	digits := 0
	for _, r := range v {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' {
			digits++
		}
	}
	if digits < 11 {
		return v
	}
	out, _ := p.MaskText(v)
	return strings.Clone(out)
}
