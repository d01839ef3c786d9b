package handwriting

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
)

// The model file (Zinnia's binary format, little-endian): a magic word
// (0x0ef71821 XOR the file's size), the format version (1), the number of
// characters, then per character its UTF-8 text in 16 bytes padded with
// NULs, its bias (float32) and its weights as (index int32, value float32)
// pairs sorted by index and ended by index -1.
const (
	modelMagic   = 0x0ef71821
	modelVersion = 1
	charBytes    = 16
	maxChars     = 1 << 16
)

// Model holds the weights of every character, turned around for scoring:
// per feature (a slot: a dense number given to each feature index the
// model uses), the characters that weigh it and their weights. A query
// then reads only the lists of its own features (a few hundred) instead
// of every character's whole list.
type Model struct {
	chars []string
	bias  []float32
	// slotOf maps a feature index to its slot.
	slotOf map[int32]uint32
	// start[s]:start[s+1] are slot s's entries in char and weight.
	start  []uint32
	char   []uint16
	weight []float32
}

// Len is the number of characters the model knows.
func (m *Model) Len() int { return len(m.chars) }

// Knows reports whether the model has the character.
func (m *Model) Knows(char string) bool {
	for _, c := range m.chars {
		if c == char {
			return true
		}
	}
	return false
}

// errBroken is wrapped by every error about a malformed model file.
var errBroken = errors.New("not a Zinnia model or a damaged one")

// ReadModel reads a model file.
func ReadModel(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("handwriting: unable to read the model: %w", err)
	}
	m, err := ParseModel(b)
	if err != nil {
		return nil, fmt.Errorf("handwriting: %s: %w", path, err)
	}
	return m, nil
}

// entry is one weight as the file lists it.
type entry struct {
	char   uint16
	slot   uint32
	weight float32
}

// ParseModel decodes a model from its bytes.
func ParseModel(b []byte) (*Model, error) {
	le := binary.LittleEndian
	if len(b) < 12 {
		return nil, errBroken
	}
	if uint64(le.Uint32(b)^modelMagic) != uint64(len(b)) {
		return nil, fmt.Errorf("%w: its size does not match its header", errBroken)
	}
	if v := le.Uint32(b[4:]); v != modelVersion {
		return nil, fmt.Errorf("%w: format version %d, want %d", errBroken, v, modelVersion)
	}
	n := int(le.Uint32(b[8:]))
	if n > maxChars || n > len(b)/(charBytes+12) {
		return nil, fmt.Errorf("%w: %d characters cannot fit", errBroken, n)
	}
	m := &Model{chars: make([]string, 0, n), bias: make([]float32, 0, n), slotOf: map[int32]uint32{}}
	entries := make([]entry, 0, (len(b)-12)/8)
	p := 12
	for ci := range n {
		if p+charBytes+4 > len(b) {
			return nil, fmt.Errorf("%w: it ends inside a character", errBroken)
		}
		ch := b[p : p+charBytes]
		if i := bytes.IndexByte(ch, 0); i >= 0 {
			ch = ch[:i]
		}
		m.chars = append(m.chars, string(ch))
		m.bias = append(m.bias, math.Float32frombits(le.Uint32(b[p+charBytes:])))
		p += charBytes + 4
		for {
			if p+8 > len(b) {
				return nil, fmt.Errorf("%w: it ends inside the weights of %q", errBroken, m.chars[ci])
			}
			idx := int32(le.Uint32(b[p:]))
			w := math.Float32frombits(le.Uint32(b[p+4:]))
			p += 8
			if idx == -1 {
				break
			}
			s, ok := m.slotOf[idx]
			if !ok {
				s = uint32(len(m.slotOf))
				m.slotOf[idx] = s
			}
			entries = append(entries, entry{uint16(ci), s, w})
		}
	}
	if p != len(b) {
		return nil, fmt.Errorf("%w: %d bytes after the last character", errBroken, len(b)-p)
	}
	m.invert(entries)
	return m, nil
}

// invert sorts the entries by slot (a counting sort: characters stay in
// file order within a slot).
func (m *Model) invert(entries []entry) {
	m.start = make([]uint32, len(m.slotOf)+1)
	for _, e := range entries {
		m.start[e.slot+1]++
	}
	for s := 1; s < len(m.start); s++ {
		m.start[s] += m.start[s-1]
	}
	next := append([]uint32(nil), m.start[:len(m.start)-1]...)
	m.char = make([]uint16, len(entries))
	m.weight = make([]float32, len(entries))
	for _, e := range entries {
		i := next[e.slot]
		next[e.slot]++
		m.char[i], m.weight[i] = e.char, e.weight
	}
}
