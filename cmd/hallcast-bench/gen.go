package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hallcast/hallcast/archive/archivegen"
)

// runGen writes generated payment rows to a CSV (UTF-8 or GBK) or XLSX file.
func runGen(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rows := fs.Int("rows", 1500000, "payment rows")
	out := fs.String("out", "rows.csv", "file to write; .xlsx writes a spreadsheet")
	gbk := fs.Bool("gbk", false, "write the CSV in GBK instead of UTF-8")
	seed := fs.Uint64("seed", 1, "seed; load and lookup replay it to know which records exist")
	if fs.Parse(args) != nil {
		return 2
	}
	g := archivegen.New(*seed)
	if strings.HasSuffix(*out, ".xlsx") {
		if err := g.WriteXLSX(*out, *rows); err != nil {
			fmt.Fprintln(stderr, "gen:", err)
			return 1
		}
		return 0
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}
	if err := g.WriteCSV(f, *rows, *gbk); err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d rows to %s\n", *rows, *out)
	return 0
}
