package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"

	"github.com/hallcast/hallcast/archive/archivegen"
)

// runBodies writes lookup requests for wrk (lookup.lua), one per line: a
// kiosk token, a tab, the JSON body. Half of them have the right keys.
func runBodies(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bodies", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rows := fs.Int("rows", 1500000, "rows of the imported file (replayed to know the records)")
	seed := fs.Uint64("seed", 1, "seed of the imported file")
	dataset := fs.Int64("dataset", 1, "dataset id")
	n := fs.Int("n", 20000, "requests to write")
	tokenFile := fs.String("tokens", "kiosk-tokens.txt", "paired kiosks' tokens (written by serve)")
	out := fs.String("out", "bodies.txt", "file to write")
	if fs.Parse(args) != nil {
		return 2
	}
	tokens, err := readTokens(*tokenFile)
	if err != nil {
		fmt.Fprintln(stderr, "bodies:", err)
		return 1
	}
	people := archivegen.People(*seed, *rows)
	rng := rand.New(rand.NewPCG(5, 6))
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(stderr, "bodies:", err)
		return 1
	}
	w := bufio.NewWriter(f)
	for i := range *n {
		keys := people[rng.IntN(len(people))].Keys()
		if i%2 == 1 {
			keys["card_last4"] = fmt.Sprintf("%04d", rng.IntN(10000))
		}
		b, _ := json.Marshal(map[string]any{"dataset": *dataset, "keys": keys})
		fmt.Fprintf(w, "%s\t%s\n", tokens[rng.IntN(len(tokens))], b)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, "bodies:", err)
		return 1
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(stderr, "bodies:", err)
		return 1
	}
	return 0
}
