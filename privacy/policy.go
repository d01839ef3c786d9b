package privacy

import (
	"encoding/json"
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"
)

// DefaultMaskChar is the character that replaces hidden characters when a
// Rule does not name one.
const DefaultMaskChar = '*'

// Rule says how one kind of value is masked: how many characters stay
// visible at the start and at the end, and which character replaces each
// hidden one. At least one character is always hidden: when KeepFirst +
// KeepLast would reveal the whole value, KeepLast shrinks first, then
// KeepFirst.
type Rule struct {
	KeepFirst int    `json:"keepFirst"`
	KeepLast  int    `json:"keepLast"`
	MaskChar  string `json:"maskChar,omitempty"` // one character; empty means DefaultMaskChar
}

// Policy holds the masking Rule of every kind. Its JSON form is an object
// keyed by kind, e.g. {"mobile":{"keepFirst":3,"keepLast":4,"maskChar":"*"}}.
// The zero Policy hides every character of every value.
type Policy struct {
	ID18     Rule `json:"id18"`
	ID15     Rule `json:"id15"`
	Mobile   Rule `json:"mobile"`
	BankCard Rule `json:"bank_card"`
	Name     Rule `json:"name"`
	Generic  Rule `json:"generic"`
}

// DefaultPolicy returns the masking defaults of DESIGN.md R6: ID numbers
// (18 and 15 digits) first 6 + last 4, mobile first 3 + last 4, bank card
// first 4 + last 4, name first character, anything else first 1 + last 1.
func DefaultPolicy() Policy {
	star := string(DefaultMaskChar)
	return Policy{
		ID18:     Rule{KeepFirst: 6, KeepLast: 4, MaskChar: star},
		ID15:     Rule{KeepFirst: 6, KeepLast: 4, MaskChar: star},
		Mobile:   Rule{KeepFirst: 3, KeepLast: 4, MaskChar: star},
		BankCard: Rule{KeepFirst: 4, KeepLast: 4, MaskChar: star},
		Name:     Rule{KeepFirst: 1, KeepLast: 0, MaskChar: star},
		Generic:  Rule{KeepFirst: 1, KeepLast: 1, MaskChar: star},
	}
}

// LoadPolicy reads a JSON policy from r. Kinds or fields missing from the
// JSON keep their DefaultPolicy values; unknown fields are an error. The
// result is validated.
func LoadPolicy(r io.Reader) (Policy, error) {
	p := DefaultPolicy()
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return Policy{}, fmt.Errorf("privacy: policy: %w", err)
	}
	if err := p.Validate(); err != nil {
		return Policy{}, err
	}
	return p, nil
}

// RuleFor returns the rule of kind k; unknown kinds get the Generic rule.
// A suspected ID number (KindID18Suspect) is masked like an ID number.
func (p Policy) RuleFor(k Kind) Rule {
	switch k {
	case KindID18, KindID18Suspect:
		return p.ID18
	case KindID15:
		return p.ID15
	case KindMobile:
		return p.Mobile
	case KindBankCard:
		return p.BankCard
	case KindName:
		return p.Name
	}
	return p.Generic
}

// Validate reports the first invalid field of p, named by its JSON path
// (e.g. "privacy: policy: mobile.keepFirst: must not be negative (got -1)").
// Keep counts larger than a value are valid: masking still hides at least
// one character.
func (p Policy) Validate() error {
	for _, k := range []Kind{KindID18, KindID15, KindMobile, KindBankCard, KindName, KindGeneric} {
		if err := p.RuleFor(k).validate(); err != nil {
			return fmt.Errorf("privacy: policy: %s.%w", k, err)
		}
	}
	return nil
}

// validate checks one rule; the error starts with the JSON field name.
func (r Rule) validate() error {
	if r.KeepFirst < 0 {
		return fmt.Errorf("keepFirst: must not be negative (got %d)", r.KeepFirst)
	}
	if r.KeepLast < 0 {
		return fmt.Errorf("keepLast: must not be negative (got %d)", r.KeepLast)
	}
	if r.MaskChar == "" {
		return nil
	}
	c, size := utf8.DecodeRuneInString(r.MaskChar)
	if size != len(r.MaskChar) || c == utf8.RuneError {
		return fmt.Errorf("maskChar: must be exactly one character (got %q)", r.MaskChar)
	}
	if unicode.IsSpace(c) || unicode.IsControl(c) || unicode.IsDigit(c) || unicode.IsLetter(c) {
		return fmt.Errorf("maskChar: must not be a space, control character, digit or letter (got %q)", r.MaskChar)
	}
	return nil
}
