// Command hallcast-bench produces the archive numbers of
// docs/benchmarks.md: it generates realistic files, creates the dataset
// that reads them, serves the app with paired kiosks (their tokens in a
// file) and drives lookups over HTTP or in-process.
//
//	hallcast-bench gen --rows 1500000 --out rows.csv [--gbk] [--seed 1]
//	hallcast-bench setup --data-dir DIR [--database-url URL] [--name 补贴]
//	hallcast-bench serve --data-dir DIR [--listen 127.0.0.1:8080] [...hallcast flags]
//	hallcast-bench load --url http://127.0.0.1:8080 --rows 1500000 [--conns 64] [--duration 20s] [--tokens kiosk-tokens.txt]
//	hallcast-bench bodies --rows 1500000 --out bodies.txt   (requests for wrk -s cmd/hallcast-bench/lookup.lua)
//	hallcast-bench lookup --data-dir DIR [--database-url URL] --rows 1500000 [--n 20000] [--parallel 16 --duration 10s]
//	hallcast-bench bomb --data-dir DIR [--database-url URL]   (decompression bombs posted to the app in this process)
//	hallcast-bench cancel --data-dir DIR [--database-url URL] [--rows 200000] [--xlsx] [--other-instance]   (time from cancel to stop)
//	hallcast-bench site --data-dir DIR [--database-url URL] [--notices 500] [--paths site-paths.txt] [...hallcast flags]   (serves /gk/ for wrk -s site.lua)
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: hallcast-bench gen|setup|serve|load|lookup|bomb|cancel|site [flags]")
		return 2
	}
	cmds := map[string]func([]string, io.Writer, io.Writer) int{
		"gen": runGen, "setup": runSetup, "bodies": runBodies, "serve": runServe, "load": runLoad, "lookup": runLookup,
		"bomb": runBomb, "cancel": runCancel, "site": runSite,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "hallcast-bench: unknown command %q\n", args[0])
		return 2
	}
	return cmd(args[1:], stdout, stderr)
}
