// Command hanfold writes search/fold.txt, the table by which search folds
// traditional characters to simplified ones (search/fold.go): every CJK
// ideograph (the Unified block, Extension A and the compatibility block)
// that OpenCC's t2s conversion turns into one other character, as the
// library github.com/longbridgeapp/opencc (Apache-2.0) converts it with
// OpenCC's data (Apache-2.0, Copyright Carbo Kuo (BYVoid) and
// contributors):
//
//	go run ./tools/hanfold > search/fold.txt
//
// The library is used here only, not by the server: its double-array
// trie (github.com/liuzl/cedar-go) is GPL-2.0, so the server embeds the
// table this command writes instead of linking the library. main_test.go
// checks that the table is what the library gives.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// blocks are the ideograph ranges converted.
var blocks = [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}}

func main() {
	if err := write(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "hanfold:", err)
		os.Exit(1)
	}
}

// write prints the header and one line per folded character: the
// traditional character and the simplified one, in code point order.
func write(w io.Writer) error {
	cc, err := opencc.New("t2s")
	if err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	fmt.Fprintln(b, "# Traditional → simplified characters for search (search/fold.go): made by")
	fmt.Fprintln(b, "# go run ./tools/hanfold from OpenCC's t2s data (github.com/longbridgeapp/opencc")
	fmt.Fprintln(b, "# v0.3.13; OpenCC, Copyright Carbo Kuo (BYVoid) and contributors, Apache-2.0).")
	for _, bl := range blocks {
		for r := bl[0]; r <= bl[1]; r++ {
			out, err := cc.Convert(string(r))
			if err != nil {
				return err
			}
			if utf8.RuneCountInString(out) != 1 {
				continue
			}
			if s, _ := utf8.DecodeRuneInString(out); s != r {
				fmt.Fprintf(b, "%c%c\n", r, s)
			}
		}
	}
	return b.Flush()
}
