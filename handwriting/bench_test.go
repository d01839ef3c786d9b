package handwriting

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkRecognize measures one recognition (ten candidates, with the
// stroke reorderings) of a jittered drawing: 低 (7 strokes), 保 (9), 偶
// (11) and the 200 common characters in turn. The model is read before
// the timer starts.
//
//	go test ./handwriting/ -run XXX -bench Recognize -benchtime 200x
func BenchmarkRecognize(b *testing.B) {
	m := model(b)
	ws := medians(b)
	for _, char := range []string{"低", "保", "偶"} {
		ink := draw(ws[char], 1)
		b.Run(char, func(b *testing.B) {
			for b.Loop() {
				m.Recognize(ink, Candidates)
			}
		})
	}
	raw, err := os.ReadFile("testdata/common.txt")
	if err != nil {
		b.Fatal(err)
	}
	var inks []Ink
	for i, c := range []rune(strings.TrimSpace(string(raw))) {
		inks = append(inks, draw(ws[string(c)], uint64(i)))
	}
	b.Run("common", func(b *testing.B) {
		i := 0
		for b.Loop() {
			m.Recognize(inks[i%len(inks)], Candidates)
			i++
		}
	})
}

// BenchmarkReadModel measures reading the 26 MB model (once per server).
func BenchmarkReadModel(b *testing.B) {
	model(b)
	path := os.Getenv("HALLCAST_HANDWRITING_MODEL")
	if path == "" {
		path = DefaultModelPath
	}
	for b.Loop() {
		if _, err := ReadModel(path); err != nil {
			b.Fatal(err)
		}
	}
}
