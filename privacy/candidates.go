package privacy

import (
	"cmp"
	"slices"
)

// candidate is a possible finding covering units [a, b); value is the
// normalised value that is masked.
type candidate struct {
	kind  Kind
	a, b  int
	value string
}

// priority orders overlapping candidates: ID (valid or suspected) > card >
// mobile. A suspected ID that also passes Luhn is reported as a suspected
// ID: its region and birth date say more than a 1-in-10 checksum.
func (c candidate) priority() int {
	switch c.kind {
	case KindID18, KindID18Suspect, KindID15:
		return 3
	case KindBankCard:
		return 2
	}
	return 1
}

// collect appends the candidates that start at group gi. Each group yields
// a bounded number of candidates, so scanning stays linear.
func (s *scanner) collect(gi int, out []candidate) []candidate {
	g := s.groups[gi]
	n := g.b - g.a
	if s.before(g.a).wordish() {
		return out
	}
	// One run of digits.
	switch {
	case n == 17 && s.after(g.b) == clsX && s.bounded(g.a, g.b+1):
		d := s.digits(g.a, g.b+1)
		if validID18(d, s.maxYear) {
			out = append(out, candidate{KindID18, g.a, g.b + 1, string(d)})
		} else if suspectID18(d, s.today) {
			out = append(out, candidate{KindID18Suspect, g.a, g.b + 1, string(d)})
		}
	case n == 11 || n == 13 || n >= 15 && n <= 19:
		if !s.bounded(g.a, g.b) {
			break
		}
		d := s.digits(g.a, g.b)
		if n == 18 && validID18(d, s.maxYear) {
			out = append(out, candidate{KindID18, g.a, g.b, string(d)})
		} else if n == 18 && suspectID18(d, s.today) {
			out = append(out, candidate{KindID18Suspect, g.a, g.b, string(d)})
		}
		if n == 15 && validID15(d) {
			out = append(out, candidate{KindID15, g.a, g.b, string(d)})
		}
		if validCard(d) {
			out = append(out, candidate{KindBankCard, g.a, g.b, string(d)})
		}
		if n == 11 && validMobile11(d) {
			out = append(out, candidate{KindMobile, g.a, g.b, string(d)})
		}
		if n == 13 && d[0] == '8' && d[1] == '6' && validMobile11(d[2:]) {
			out = append(out, candidate{KindMobile, s.withPlus(g.a), g.b, string(d[2:])})
		}
	}
	out = s.collectGrouped(gi, out)
	return s.collectPrefixed(gi, out)
}

// collectGrouped finds numbers written in groups: a mobile as 3-4-4 and a
// card as 4-4-4-4 with an optional last group of 1 to 3 digits.
func (s *scanner) collectGrouped(gi int, out []candidate) []candidate {
	ch, n := s.chain(gi, maxChain)
	if n < 3 {
		return out
	}
	if c, ok := s.mobile344(ch[:3], ch[0].a); ok {
		out = append(out, c)
	}
	if n < 4 || !fours(ch[:4]) {
		return out
	}
	if n == 5 {
		if last := ch[4].b - ch[4].a; last <= 3 && s.bounded(ch[0].a, ch[4].b) {
			if d := s.digits(ch[0].a, ch[4].b); validCard(d) {
				out = append(out, candidate{KindBankCard, ch[0].a, ch[4].b, string(d)})
			}
		}
	}
	if s.bounded(ch[0].a, ch[3].b) {
		if d := s.digits(ch[0].a, ch[3].b); validCard(d) {
			out = append(out, candidate{KindBankCard, ch[0].a, ch[3].b, string(d)})
		}
	}
	return out
}

// collectPrefixed finds a mobile number after a separate country code:
// "86 13812345678", "+86-138-1234-5678".
func (s *scanner) collectPrefixed(gi int, out []candidate) []candidate {
	g := s.groups[gi]
	if g.b-g.a != 2 || gi+1 >= len(s.groups) || string(s.digits(g.a, g.b)) != "86" {
		return out
	}
	next := s.groups[gi+1]
	if !s.joinedBySep(g, next) {
		return out
	}
	start := s.withPlus(g.a)
	if next.b-next.a == 11 && s.bounded(next.a, next.b) {
		if d := s.digits(next.a, next.b); validMobile11(d) {
			return append(out, candidate{KindMobile, start, next.b, string(d)})
		}
	}
	if ch, n := s.chain(gi+1, 3); n == 3 {
		if c, ok := s.mobile344(ch[:3], start); ok {
			out = append(out, c)
		}
	}
	return out
}

// mobile344 checks a 3-4-4 chain as a mobile number whose match starts at
// unit start.
func (s *scanner) mobile344(ch []group, start int) (candidate, bool) {
	if ch[0].b-ch[0].a != 3 || ch[1].b-ch[1].a != 4 || ch[2].b-ch[2].a != 4 || !s.bounded(ch[0].a, ch[2].b) {
		return candidate{}, false
	}
	d := s.digits(ch[0].a, ch[2].b)
	if !validMobile11(d) {
		return candidate{}, false
	}
	return candidate{KindMobile, start, ch[2].b, string(d)}, true
}

// withPlus extends a match starting at unit a to a '+' just before it,
// unless the '+' itself is glued to a digit or letter.
func (s *scanner) withPlus(a int) int {
	if s.before(a) == clsPlus && !s.before(a-1).wordish() {
		return a - 1
	}
	return a
}

// fours reports whether every group has exactly four digits.
func fours(gs []group) bool {
	for _, g := range gs {
		if g.b-g.a != 4 {
			return false
		}
	}
	return true
}

// resolve keeps non-overlapping candidates, preferring a higher priority,
// then an earlier start, then a longer match, and returns them by position.
func resolve(cands []candidate, nunits int) []candidate {
	slices.SortFunc(cands, func(x, y candidate) int {
		return cmp.Or(
			cmp.Compare(y.priority(), x.priority()),
			cmp.Compare(x.a, y.a),
			cmp.Compare(y.b, x.b),
		)
	})
	taken := make([]bool, nunits)
	kept := cands[:0:0]
next:
	for _, c := range cands {
		for k := c.a; k < c.b; k++ {
			if taken[k] {
				continue next
			}
		}
		for k := c.a; k < c.b; k++ {
			taken[k] = true
		}
		kept = append(kept, c)
	}
	slices.SortFunc(kept, func(x, y candidate) int { return cmp.Compare(x.a, y.a) })
	return kept
}
