package privacy

import (
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// class is how the scanner sees one rune.
type class uint8

const (
	clsOther  class = iota // anything else (Chinese, punctuation, ...)
	clsDigit               // 0-9 or ０-９
	clsX                   // X x Ｘ ｘ: the check character of an ID number
	clsLetter              // any other ASCII letter
	clsSep                 // separator inside a grouped number: space, hyphen and their full-width forms
	clsPlus                // + or ＋ of a country code
)

// wordish reports whether a rune of class c glues a number to its
// neighbour, so that the number is part of a longer token.
func (c class) wordish() bool {
	return c == clsDigit || c == clsX || c == clsLetter
}

// classify returns the class of r and its ASCII form (digit, 'X', ' ', '-'
// or '+') when it has one.
func classify(r rune) (class, byte) {
	switch {
	case r >= '0' && r <= '9':
		return clsDigit, byte(r)
	case r >= '０' && r <= '９':
		return clsDigit, byte(r-'０') + '0'
	case r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ':
		return clsX, 'X'
	case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		return clsLetter, 0
	case r == ' ' || r == '\u3000':
		return clsSep, ' '
	case r == '-' || r == '－':
		return clsSep, '-'
	case r == '+' || r == '＋':
		return clsPlus, '+'
	}
	return clsOther, 0
}

// unit is one rune of interest (any class but clsOther) with its position.
// Offsets are int32 to keep units small; Scan refuses longer texts.
type unit struct {
	idx  int32 // rune offset
	u16  int32 // UTF-16 offset
	off  int32 // byte offset
	size uint8 // byte length
	cls  class // never clsOther
	ch   byte  // ASCII form
}

// group is a maximal run of digits: units [a, b).
type group struct{ a, b int }

// scanner holds the runes of interest of one text. Runes of class clsOther
// are not stored; two units are neighbours only if their rune offsets are.
type scanner struct {
	units   []unit
	groups  []group
	maxYear int // latest plausible birth year
	today   int // latest plausible birth date of a suspected ID, as YYYYMMDD
	buf     []byte
}

// newScanner indexes the runs of text that contain digits.
func newScanner(text string, now time.Time) *scanner {
	s := &scanner{maxYear: now.Year(), today: now.Year()*10000 + int(now.Month())*100 + now.Day()}
	// Size the slices from a byte count of digits (0xEF leads the full-width
	// forms) so that they rarely grow; separators add about a half.
	n := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= '0' && c <= '9' || c == 0xEF {
			n++
		}
	}
	s.units = make([]unit, 0, n+n/2+8)
	s.groups = make([]group, 0, n/4+4)
	var idx, u16 int32
	runStart, runHasDigit := 0, false // the current run of consecutive units
	for off, r := range text {
		if c, ch := classify(r); c != clsOther {
			s.units = append(s.units, unit{idx: idx, u16: u16, off: int32(off), size: uint8(utf8.RuneLen(r)), cls: c, ch: ch})
			runHasDigit = runHasDigit || c == clsDigit
		} else {
			// A run without digits (a word, spaces) touches no number: drop it.
			if !runHasDigit {
				s.units = s.units[:runStart]
			}
			runStart, runHasDigit = len(s.units), false
		}
		idx++
		u16 += int32(utf16.RuneLen(r))
	}
	if !runHasDigit {
		s.units = s.units[:runStart]
	}
	for k := 0; k < len(s.units); {
		if s.units[k].cls != clsDigit {
			k++
			continue
		}
		a := k
		for k++; k < len(s.units) && s.units[k].cls == clsDigit && s.adjacent(k-1, k); k++ {
		}
		s.groups = append(s.groups, group{a, k})
	}
	return s
}

// adjacent reports whether units j and k are consecutive runes of the text.
func (s *scanner) adjacent(j, k int) bool {
	return j >= 0 && k < len(s.units) && s.units[j].idx+1 == s.units[k].idx
}

// before returns the class of the rune just before unit k.
func (s *scanner) before(k int) class {
	if s.adjacent(k-1, k) {
		return s.units[k-1].cls
	}
	return clsOther
}

// after returns the class of the rune just after unit k-1, i.e. just after
// a match covering units [.., k).
func (s *scanner) after(k int) class {
	if s.adjacent(k-1, k) {
		return s.units[k].cls
	}
	return clsOther
}

// bounded reports whether units [a, b) stand alone: no digit or letter
// touches them on either side.
func (s *scanner) bounded(a, b int) bool {
	return !s.before(a).wordish() && !s.after(b).wordish()
}

// digits returns the ASCII digits and X of units [a, b), without
// separators, in a buffer that the next call reuses.
func (s *scanner) digits(a, b int) []byte {
	s.buf = s.buf[:0]
	for _, u := range s.units[a:b] {
		if u.cls == clsDigit || u.cls == clsX {
			s.buf = append(s.buf, u.ch)
		}
	}
	return s.buf
}

// maxChain is the most groups a grouped number has (4-4-4-4-3).
const maxChain = 5

// chain returns up to n (at most maxChain) groups starting with group gi
// that follow each other with exactly one separator between neighbours,
// the same separator throughout, and how many there are.
func (s *scanner) chain(gi, n int) ([maxChain]group, int) {
	var out [maxChain]group
	out[0] = s.groups[gi]
	count := 1
	var sep byte
	for j := gi + 1; j < len(s.groups) && count < min(n, maxChain); j++ {
		prev, next := s.groups[j-1], s.groups[j]
		if !s.joinedBySep(prev, next) {
			break
		}
		if ch := s.units[prev.b].ch; sep != 0 && ch != sep {
			break
		} else {
			sep = ch
		}
		out[count] = next
		count++
	}
	return out, count
}

// joinedBySep reports whether groups g and h are separated by exactly one
// separator rune (of any kind).
func (s *scanner) joinedBySep(g, h group) bool {
	k := g.b
	return h.a == k+1 && s.units[k].cls == clsSep && s.adjacent(k-1, k) && s.adjacent(k, k+1)
}
