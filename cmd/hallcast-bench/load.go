package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/hallcast/hallcast/archive/archivegen"
)

// runLoad sends kiosk lookups over HTTP from many connections for a while
// and prints throughput and latency percentiles.
func runLoad(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", "http://127.0.0.1:8080", "server")
	rows := fs.Int("rows", 1500000, "rows of the imported file (replayed to know the records)")
	seed := fs.Uint64("seed", 1, "seed of the imported file")
	dataset := fs.Int64("dataset", 1, "dataset id")
	conns := fs.Int("conns", 64, "concurrent connections")
	duration := fs.Duration("duration", 20*time.Second, "how long to send")
	tokenFile := fs.String("tokens", "kiosk-tokens.txt", "paired kiosks' tokens (written by serve)")
	hitRatio := fs.Float64("hits", 0.5, "share of lookups with the right keys")
	if fs.Parse(args) != nil {
		return 2
	}
	tokens, err := readTokens(*tokenFile)
	if err != nil {
		fmt.Fprintln(stderr, "load:", err)
		return 1
	}
	people := archivegen.People(*seed, *rows)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns}, Timeout: 10 * time.Second}
	type result struct {
		lat    []time.Duration
		status map[int]int
		found  int
	}
	results := make([]result, *conns)
	deadline := time.Now().Add(*duration)
	var wg sync.WaitGroup
	for w := range *conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			r := result{status: map[int]int{}}
			for time.Now().Before(deadline) {
				p := people[rng.IntN(len(people))]
				keys := p.Keys()
				if rng.Float64() >= *hitRatio {
					keys["card_last4"] = fmt.Sprintf("%04d", rng.IntN(10000))
				}
				body, _ := json.Marshal(map[string]any{"dataset": *dataset, "keys": keys})
				req, _ := http.NewRequest("POST", *url+"/api/kiosk/archive/lookup", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+tokens[rng.IntN(len(tokens))])
				start := time.Now()
				res, err := client.Do(req)
				if err != nil {
					r.status[0]++
					continue
				}
				var out struct{ Found bool }
				_ = json.NewDecoder(res.Body).Decode(&out)
				res.Body.Close()
				r.lat = append(r.lat, time.Since(start))
				r.status[res.StatusCode]++
				if out.Found {
					r.found++
				}
			}
			results[w] = r
		}()
	}
	wg.Wait()
	var lat []time.Duration
	status := map[int]int{}
	found := 0
	for _, r := range results {
		lat = append(lat, r.lat...)
		for k, v := range r.status {
			status[k] += v
		}
		found += r.found
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) == 0 {
		fmt.Fprintln(stderr, "load: no answers", status)
		return 1
	}
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	fmt.Fprintf(stdout, "requests %d in %s: %.0f/s, found %d; status %v\n", len(lat), *duration, float64(len(lat))/duration.Seconds(), found, status)
	fmt.Fprintf(stdout, "latency p50 %s p90 %s p99 %s max %s\n", pct(0.5), pct(0.9), pct(0.99), lat[len(lat)-1])
	return 0
}
