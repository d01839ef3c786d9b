package handwriting

import (
	"encoding/binary"
	"errors"
	"math"
	"os"
	"sync"
	"testing"
)

var (
	testModel     *Model
	testModelErr  error
	testModelOnce sync.Once
)

// model returns the installed model (tegaki-zinnia-simplified-chinese, or
// HALLCAST_HANDWRITING_MODEL). Without it the test is skipped, or fails
// under HALLCAST_TEST_REQUIRE_HANDWRITING=1 (CI installs the package).
func model(tb testing.TB) *Model {
	tb.Helper()
	testModelOnce.Do(func() {
		path := os.Getenv("HALLCAST_HANDWRITING_MODEL")
		if path == "" {
			path = DefaultModelPath
		}
		testModel, testModelErr = ReadModel(path)
	})
	if testModelErr != nil {
		if os.Getenv("HALLCAST_TEST_REQUIRE_HANDWRITING") == "1" || !errors.Is(testModelErr, os.ErrNotExist) {
			tb.Fatal(testModelErr)
		}
		tb.Skipf("handwriting model not installed (apt install tegaki-zinnia-simplified-chinese): %v", testModelErr)
	}
	return testModel
}

// tiny builds a model file of two characters.
func tiny() []byte {
	le := binary.LittleEndian
	var b []byte
	u32 := func(v uint32) { b = le.AppendUint32(b, v) }
	f32 := func(v float32) { u32(math.Float32bits(v)) }
	u32(0)
	u32(1)
	u32(2)
	for _, c := range []struct {
		char string
		bias float32
		w    map[int32]float32
	}{{"一", 0.1, map[int32]float32{2000001: 0.5}}, {"二", -0.1, map[int32]float32{2000002: 0.5}}} {
		name := make([]byte, 16)
		copy(name, c.char)
		b = append(b, name...)
		f32(c.bias)
		for idx, w := range c.w {
			u32(uint32(idx))
			f32(w)
		}
		u32(math.MaxUint32)
		f32(0)
	}
	le.PutUint32(b, uint32(len(b))^modelMagic)
	return b
}

func TestParseModel(t *testing.T) {
	m, err := ParseModel(tiny())
	if err != nil {
		t.Fatal(err)
	}
	if m.Len() != 2 || !m.Knows("二") || m.Knows("三") {
		t.Fatalf("chars %v", m.chars)
	}
	two := Ink{Width: 100, Height: 100, Strokes: [][]Point{{{10, 30}, {90, 30}}, {{10, 70}, {90, 70}}}}
	if got := m.Recognize(two, 2); len(got) != 2 || got[0].Char != "二" {
		t.Fatalf("two strokes: %v", got)
	}
	if got := m.Recognize(Ink{Width: 100, Height: 100}, 2); got != nil {
		t.Fatalf("empty ink: %v", got)
	}
}

func TestParseModelRefusesBrokenFiles(t *testing.T) {
	good := tiny()
	resize := func(b []byte) []byte {
		binary.LittleEndian.PutUint32(b, uint32(len(b))^modelMagic)
		return b
	}
	for name, b := range map[string][]byte{
		"empty":         {},
		"wrong size":    append(append([]byte{}, good...), 0),
		"truncated":     resize(append([]byte{}, good[:len(good)-4]...)),
		"extra bytes":   resize(append(append([]byte{}, good...), 1, 2, 3, 4, 5, 6, 7, 8)),
		"version":       func() []byte { b := append([]byte{}, good...); b[4] = 2; return b }(),
		"count too big": func() []byte { b := append([]byte{}, good...); b[8] = 0xff; b[9] = 0xff; return b }(),
	} {
		if _, err := ParseModel(b); !errors.Is(err, errBroken) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
