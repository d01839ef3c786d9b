// Package handwriting recognises handwritten Chinese characters without
// any network: a reader and scorer, written here in Go, for the models of
// the Zinnia recogniser (one linear SVM per character over features of the
// strokes' shape, position and order), such as Debian's
// tegaki-zinnia-simplified-chinese (LGPL-2.1+, read at run time from the
// system, never copied into hallcast). The kiosk's handwriting pad sends
// the strokes as they are drawn and offers the best candidates.
//
// The model format (model.go) and the features (features.go) follow
// Zinnia's source (https://github.com/taku910/zinnia, Copyright (c)
// 2005-2007 Taku Kudo, BSD licence, copied in ZINNIA-COPYING), written
// anew in Go; TestMatchesZinnia checks the scores against Zinnia's own.
package handwriting

// Point is one sampled position of the pen, in the pad's pixels.
type Point struct {
	X, Y float64
}

// Ink is what was written on a pad of Width×Height pixels: the strokes in
// the order they were drawn, each the pen's path from down to up.
type Ink struct {
	Width, Height float64
	Strokes       [][]Point
}

// Candidate is one character the ink may be, with the model's score
// (higher is better; comparable only within one answer).
type Candidate struct {
	Char  string  `json:"char"`
	Score float32 `json:"score"`
}
