package search

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// Traditional and simplified characters are one for search: 政務公開 and
// 政务公开 find each other. Text is folded to simplified, character by
// character, before it is tokenised, in the index and in the query alike
// (Normalize), and in the highlighting of hits (snippet.go's fold): each
// traditional character becomes the simplified one OpenCC's t2s
// conversion gives it. Character by character, not phrase by phrase: a
// folded text keeps its length, so a hit's place in it is its place in
// the original; both sides fold alike, so OpenCC's few phrase exceptions
// (乾隆 keeps 乾) only make a search find a little more.
//
// The table (fold.txt, about 3,700 characters) is OpenCC's data as the
// library github.com/longbridgeapp/opencc converts it, written by
// tools/hanfold: the server embeds the table rather than link the library,
// whose trie package is GPL-2.0.

//go:embed fold.txt
var foldData string

var (
	foldOnce  sync.Once
	foldTable map[rune]rune
)

// loadFold reads the table once, on first use: lines of two characters
// (traditional, simplified), # comments.
func loadFold() {
	foldTable = make(map[rune]rune, 4000)
	for _, line := range strings.Split(foldData, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		t, n := utf8.DecodeRuneInString(line)
		s, _ := utf8.DecodeRuneInString(line[n:])
		foldTable[t] = s
	}
}

// foldRune returns the simplified form of a traditional character, or r.
func foldRune(r rune) rune {
	if r < 0x3400 {
		return r
	}
	foldOnce.Do(loadFold)
	if s, ok := foldTable[r]; ok {
		return s
	}
	return r
}

// FoldHan returns s with its traditional characters made simplified.
func FoldHan(s string) string {
	return strings.Map(foldRune, s)
}
