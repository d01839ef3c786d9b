package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime/pprof"
	"sort"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/config"
)

// runLookup measures lookups in process, one after another: the keyed
// lookup alone (normalise, HMAC, indexed query, decode) and the whole
// kiosk path (lockout check, lookup, batched audit); with --parallel, also
// the lookups per second from many goroutines.
func runLookup(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lookup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rows := fs.Int("rows", 1500000, "rows of the imported file (replayed to know the records)")
	seed := fs.Uint64("seed", 1, "seed of the imported file")
	dataset := fs.Int64("dataset", 1, "dataset id")
	n := fs.Int("n", 20000, "lookups per measurement")
	parallel := fs.Int("parallel", 0, "also measure the lookups per second from this many goroutines")
	duration := fs.Duration("duration", 10*time.Second, "how long to measure with --parallel")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the --parallel run to this file")
	l := config.NewLoader(fs)
	ctx := context.Background()
	db, svc, set, err := openService(ctx, fs, l, args)
	if err != nil {
		fmt.Fprintln(stderr, "lookup:", err)
		return 1
	}
	defer db.Close()
	defer svc.Close()
	// The whole kiosk path without padding, slowing or locks (as the HTTP
	// load); the lockout still counts every miss.
	p := archive.DefaultProtection()
	p.MinResponseMS, p.SlowAfter = 0, 0
	p.LockAfter, p.AddressLockAfter, p.KeyLockAfter = 1_000_000, 1_000_000, 1_000_000
	raw, _ := json.Marshal(p)
	if err := set.Set(ctx, audit.Actor{Name: "bench"}, archive.SettingProtection, raw); err != nil {
		fmt.Fprintln(stderr, "lookup:", err)
		return 1
	}
	people := archivegen.People(*seed, *rows)
	rng := rand.New(rand.NewPCG(3, 4))
	measure := func(name string, ask func(keys map[string]string) (bool, error)) error {
		lat := make([]time.Duration, 0, *n)
		found := 0
		for i := range *n {
			keys := people[rng.IntN(len(people))].Keys()
			if i%2 == 1 {
				keys["card_last4"] = fmt.Sprintf("%04d", rng.IntN(10000))
			}
			start := time.Now()
			ok, err := ask(keys)
			if err != nil {
				return err
			}
			lat = append(lat, time.Since(start))
			if ok {
				found++
			}
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		p := func(q float64) time.Duration { return lat[int(q*float64(len(lat)-1))] }
		fmt.Fprintf(stdout, "%-14s %d lookups (%d found): p50 %s p90 %s p99 %s max %s\n", name, *n, found, p(0.5), p(0.9), p(0.99), lat[len(lat)-1])
		return nil
	}
	keyed := func(keys map[string]string) (bool, error) { return svc.Probe(ctx, *dataset, keys) }
	kiosk := func(keys map[string]string) (bool, error) {
		res, err := svc.Lookup(ctx, archive.LookupRequest{DatasetID: *dataset, Keys: keys, Kiosk: fmt.Sprintf("bench-%d", rng.IntN(200)), Address: "127.0.0.1"})
		return err == nil && res.Found, err
	}
	for _, m := range []struct {
		name string
		f    func(map[string]string) (bool, error)
	}{{"keyed lookup", keyed}, {"audited lookup", kiosk}} {
		if err := measure(m.name, m.f); err != nil {
			fmt.Fprintln(stderr, "lookup:", err)
			return 1
		}
	}
	if *parallel > 0 {
		audited := func(rng *rand.Rand, keys map[string]string) error {
			_, err := svc.Lookup(ctx, archive.LookupRequest{DatasetID: *dataset, Keys: keys, Kiosk: fmt.Sprintf("bench-%d", rng.IntN(200)), Address: "127.0.0.1"})
			return err
		}
		if *profile != "" {
			f, err := os.Create(*profile)
			if err != nil {
				fmt.Fprintln(stderr, "lookup:", err)
				return 1
			}
			defer f.Close()
			if err := pprof.StartCPUProfile(f); err != nil {
				fmt.Fprintln(stderr, "lookup:", err)
				return 1
			}
			defer pprof.StopCPUProfile()
		}
		if err := throughput(stdout, "audited lookup", *parallel, *duration, people, audited); err != nil {
			fmt.Fprintln(stderr, "lookup:", err)
			return 1
		}
	}
	return 0
}
