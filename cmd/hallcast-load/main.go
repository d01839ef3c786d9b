//go:build linux

// Command hallcast-load measures the screens push path of a running
// hallcast server from a separate process (docs/benchmarks.md, "Screens
// push"): it opens N screen WebSocket connections spread over several
// 127.0.0.x source addresses, holds them idle for a while counting
// disconnects, then sends emergency broadcasts through the admin API and
// measures publish → delivered-to-all and per-screen latency, deliveries
// per second when broadcasting back-to-back, the server's RSS per idle
// connection (from /proc/<pid>/status), and what happens when 1% of the
// screens stop reading.
//
//	hallcast device add --kind screen --count 19000 --group 大厅 --tokens-file tokens.txt --data-dir DIR
//	hallcast serve --data-dir DIR --listen 127.0.0.1:8080 &
//	hallcast-load --url http://127.0.0.1:8080 --tokens tokens.txt --server-pid $! --user bench --password-file pw.txt
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the command's flags.
type options struct {
	url, tokens, user, passwordFile string
	pid, n, sources, concurrency    int
	pollers                         int
	hold, ackMin, ackMax            time.Duration
	broadcasts, burst, slowRounds   int
	slowPct                         float64
	textBytes                       int
	ack                             bool
	nice                            int
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hallcast-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.url, "url", "http://127.0.0.1:8080", "server base URL")
	fs.StringVar(&o.tokens, "tokens", "tokens.txt", "screen tokens, one a line (hallcast device add --tokens-file)")
	fs.StringVar(&o.user, "user", "bench", "admin user name")
	fs.StringVar(&o.passwordFile, "password-file", "", "file holding the admin password (first line)")
	fs.IntVar(&o.pid, "server-pid", 0, "server process ID, for its RSS (0: not measured)")
	fs.IntVar(&o.n, "n", 0, "connections to open (0: one per token)")
	fs.IntVar(&o.sources, "sources", 4, "source addresses 127.0.0.2 … 127.0.0.(1+sources)")
	fs.IntVar(&o.concurrency, "concurrency", 64, "connections being opened at once")
	fs.IntVar(&o.pollers, "pollers", 1, "epoll loops serving the screens (one goroutine each; one keeps up with 19,000 screens and leaves the server more of a shared machine)")
	fs.DurationVar(&o.hold, "hold", 60*time.Second, "idle hold before broadcasting")
	fs.IntVar(&o.broadcasts, "broadcasts", 10, "broadcasts measured one at a time")
	fs.IntVar(&o.burst, "burst", 10, "broadcasts sent back-to-back for deliveries/s")
	fs.IntVar(&o.slowRounds, "slow-rounds", 200, "most broadcasts sent while 1% of screens stop reading")
	fs.Float64Var(&o.slowPct, "slow-pct", 1, "percentage of screens that stop reading in the slow phase")
	fs.IntVar(&o.textBytes, "text-bytes", 200, "size of the emergency text in bytes (UTF-8)")
	fs.BoolVar(&o.ack, "ack", true, "screens acknowledge emergencies, as the display page does")
	fs.DurationVar(&o.ackMin, "ack-after", 500*time.Millisecond, "a screen acks an emergency this long after receiving it, plus up to --ack-spread at random (the display page waits 0.5–1.5 s)")
	fs.IntVar(&o.nice, "nice", 19, "nice level of this process, so it takes only the CPU time the server leaves (frames are timed by the kernel's receive stamp, not when they are read); 0 leaves it")
	spread := fs.Duration("ack-spread", time.Second, "random part of the ack's wait")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	o.ackMax = o.ackMin + *spread
	if o.nice != 0 {
		if err := renice(o.nice); err != nil {
			fmt.Fprintf(stderr, "hallcast-load: %v\n", err)
			return 1
		}
	}
	if err := load(o, stdout); err != nil {
		fmt.Fprintf(stderr, "hallcast-load: %v\n", err)
		return 1
	}
	return 0
}
