// Command handwritingdata writes the handwriting recogniser's test data
// (handwriting/testdata/medians.json): the stroke medians of a few
// characters, in writing order, from the hanzi-writer-data npm package
// (derived from Make Me a Hanzi, Arphic Public License; see
// handwriting/testdata/README.md). Only the characters named are kept:
//
//	npm pack hanzi-writer-data@2.0.1 && tar xzf hanzi-writer-data-2.0.1.tgz
//	go run ./tools/handwritingdata package 低保 "$(cat handwriting/testdata/common.txt)" > handwriting/testdata/medians.json
//
// Each median is the path of a stroke's centre line in the data's
// 1024-unit box with y pointing up (the test turns it into pad pixels and
// adds jitter).
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// entry is one character's medians.
type entry struct {
	Char    string     `json:"char"`
	Medians [][][2]int `json:"medians"`
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: handwritingdata PACKAGE-DIR CHARS... > medians.json")
		os.Exit(2)
	}
	var out []entry
	seen := map[rune]bool{}
	for _, arg := range os.Args[2:] {
		for _, r := range strings.TrimSpace(arg) {
			if seen[r] {
				continue
			}
			seen[r] = true
			b, err := os.ReadFile(filepath.Join(os.Args[1], string(r)+".json"))
			if err != nil {
				fmt.Fprintln(os.Stderr, "handwritingdata:", err)
				os.Exit(1)
			}
			var d struct {
				Medians [][][2]int `json:"medians"`
			}
			if err := json.Unmarshal(b, &d); err != nil {
				fmt.Fprintf(os.Stderr, "handwritingdata: %c: %v\n", r, err)
				os.Exit(1)
			}
			out = append(out, entry{Char: string(r), Medians: d.Medians})
		}
	}
	// One character a line: small diffs, readable.
	fmt.Println("[")
	for i, e := range out {
		b, _ := json.Marshal(e)
		sep := ","
		if i == len(out)-1 {
			sep = ""
		}
		fmt.Printf("%s%s\n", b, sep)
	}
	fmt.Println("]")
}
