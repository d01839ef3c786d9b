package privacy

import (
	"math"
	"strings"
	"time"
)

// Scan finds the personal data in text and returns it sorted by position,
// masked with DefaultPolicy. It is Policy.Scan of DefaultPolicy.
func Scan(text string) []Finding {
	return DefaultPolicy().Scan(text)
}

// Scan finds the personal data in text and returns it sorted by position,
// with Masked filled in by p. It runs in time linear in len(text).
//
// What it finds, with ASCII or full-width digits:
//
//   - KindID18: 17 digits and a check character (digit, X or x) that pass
//     ValidID18;
//   - KindID18Suspect: the same shape with a wrong check character but a
//     plausible province code and birth date (SuspectID18);
//   - KindID15: 15 digits that pass ValidID15;
//   - KindBankCard: 16 to 19 digits, not starting with 0, passing Luhn,
//     in one run or in groups of four joined by single spaces or hyphens
//     ("6222 0212 3456 7890 128");
//   - KindMobile: 11 digits starting 13–19, in one run or grouped 3-4-4 by
//     single spaces or hyphens, optionally after "86" or "+86" (attached or
//     followed by one separator).
//
// A number glued to a digit or an ASCII letter on either side is part of a
// longer token and is not reported: the ID in "身份证号11010519491231002X，" is,
// the same digits in "No11010519491231002X" or "11010519491231002X7" are not.
// Chinese characters and punctuation are boundaries. When candidates overlap,
// an ID number wins over a card, and a card over a mobile; each piece of text
// is reported at most once.
func (p Policy) Scan(text string) []Finding {
	fs, _ := p.scan(text)
	return fs
}

// MaskText returns text with every finding replaced by its masked form, and
// the findings (offsets refer to the original text).
//
//	DefaultPolicy().MaskText("电话13812345678。") // "电话138****5678。"
func (p Policy) MaskText(text string) (string, []Finding) {
	return p.MaskTextWith(text, MaskOptions{})
}

// MaskOptions refine MaskTextWith.
type MaskOptions struct {
	// Keep reports the findings a person decided to leave visible (a
	// reviewer's "keep": a document number, a hotline); they are returned
	// but not masked. Nil masks every finding.
	Keep func(Finding) bool
	// Escape, when set, rewrites each masked value before it is written,
	// e.g. to escape the Markdown meaning of "*" in "138****5678".
	Escape func(string) string
}

// MaskTextWith is MaskText with options: findings o.Keep accepts stay as
// they are, and masked values pass through o.Escape. It returns every
// finding, kept or not.
func (p Policy) MaskTextWith(text string, o MaskOptions) (string, []Finding) {
	fs, spans := p.scan(text)
	if len(fs) == 0 {
		return text, fs
	}
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for i, f := range fs {
		if o.Keep != nil && o.Keep(f) {
			continue
		}
		b.WriteString(text[last:spans[i][0]])
		if o.Escape != nil {
			b.WriteString(o.Escape(f.Masked))
		} else {
			b.WriteString(f.Masked)
		}
		last = spans[i][1]
	}
	b.WriteString(text[last:])
	return b.String(), fs
}

// MaxScanLen is the longest text, in bytes, that Scan and MaskText accept;
// they panic on a longer one. Callers bound their input far below it.
const MaxScanLen = math.MaxInt32

// scan returns the findings and, for each, its byte range in text.
func (p Policy) scan(text string) ([]Finding, [][2]int) {
	if len(text) > MaxScanLen {
		panic("privacy: text longer than MaxScanLen")
	}
	s := newScanner(text, time.Now())
	var cands []candidate
	for gi := range s.groups {
		cands = s.collect(gi, cands)
	}
	if len(cands) == 0 {
		return nil, nil
	}
	kept := resolve(cands, len(s.units))
	fs := make([]Finding, len(kept))
	spans := make([][2]int, len(kept))
	for i, c := range kept {
		first, last := s.units[c.a], s.units[c.b-1]
		spans[i] = [2]int{int(first.off), int(last.off) + int(last.size)}
		fs[i] = Finding{
			Kind:    c.kind,
			Start:   int(first.idx),
			End:     int(last.idx) + 1,
			Start16: int(first.u16),
			End16:   int(last.u16) + 1, // every rune the scanner matches is in the BMP
			Text:    text[spans[i][0]:spans[i][1]],
			Masked:  p.RuleFor(c.kind).apply(c.value),
		}
	}
	return fs, spans
}
