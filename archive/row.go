package archive

import (
	"fmt"
	"unicode/utf8"
)

// record is one imported row as stored: hashes and masked display values.
type record struct {
	row     int
	rowHash []byte
	keyHash []byte
	display []byte // JSON object: field name → display value
}

// scratch holds per-row buffers reused across rows.
type scratch struct {
	canonical []string
	keys      []string
}

// build turns a row into a record, or into the problem that keeps it out.
func (pl *plan) build(row int, cells []string, s *scratch) (record, *Problem) {
	if pl.strict && len(cells) != pl.width && !(len(cells) > pl.width && blank(cells[pl.width:])) {
		return record{}, &Problem{Row: row, Reason: ReasonColumns, Detail: fmt.Sprintf("%d columns, the header has %d", len(cells), pl.width)}
	}
	s.canonical = s.canonical[:0]
	s.keys = s.keys[:0]
	display := make([]byte, 0, 256)
	display = append(display, '{')
	for _, f := range pl.fields {
		value := ""
		if f.col < len(cells) {
			value = cells[f.col]
		}
		canonical, shown, reason := prepare(f.policy, f.Field, value)
		if reason == "" && canonical == "" && f.Required {
			reason = ReasonRequired
		}
		if reason != "" {
			return record{}, &Problem{Row: row, Column: f.header, Reason: reason}
		}
		s.canonical = append(s.canonical, canonical)
		if f.Shown && shown != "" {
			if len(display) > 1 {
				display = append(display, ',')
			}
			display = appendJSONString(display, f.Name)
			display = append(display, ':')
			display = appendJSONString(display, shown)
		}
	}
	display = append(display, '}')
	for _, k := range pl.keys {
		f := pl.fields[k.field]
		value := ""
		if f.col < len(cells) {
			value = cells[f.col]
		}
		v, reason := k.derive(value)
		if reason != "" {
			return record{}, &Problem{Row: row, Column: f.header, Reason: reason, Detail: "key " + k.Label}
		}
		s.keys = append(s.keys, v)
	}
	return record{
		row:     row,
		rowHash: pl.key.rowHash(pl.datasetID, s.canonical),
		keyHash: pl.key.keyHash(pl.datasetID, s.keys),
		display: display,
	}, nil
}

// appendJSONString appends s as a JSON string. s is valid UTF-8.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			b = append(b, c)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2028' || r == '\u2029' {
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
