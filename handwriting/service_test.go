package handwriting

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"
)

// Requests recognise at once while the model is still being read: each
// gets the same answer, the model is read once.
func TestServiceConcurrently(t *testing.T) {
	model(t) // skips without the model
	s := NewService("", nil)
	ink := draw(medians(t)["低"], 1)
	var wg sync.WaitGroup
	answers := make([][]Candidate, 8)
	s.Preload()
	for i := range answers {
		wg.Go(func() {
			if !s.Available() {
				t.Error("not available")
			}
			got, err := s.Recognize(ink, 5)
			if err != nil {
				t.Error(err)
			}
			answers[i] = got
		})
	}
	wg.Wait()
	for _, a := range answers {
		if len(a) == 0 || a[0] != answers[0][0] {
			t.Fatalf("answers differ: %v", answers)
		}
	}
}

func TestServiceWithoutModel(t *testing.T) {
	s := NewService(filepath.Join(t.TempDir(), "none.model"), nil)
	if s.Available() {
		t.Fatal("available without a model")
	}
	if _, err := s.Recognize(Ink{Width: 10, Height: 10, Strokes: [][]Point{{{1, 1}}}}, 5); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("recognise: %v", err)
	}
	if s.Available() {
		t.Fatal("available after failing to read the model")
	}
}
