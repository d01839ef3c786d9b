package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hallcast/hallcast/archive/archivegen"
)

// throughput runs ask from workers goroutines for d and prints the
// lookups per second: what the archive alone answers on this machine,
// without HTTP and the device check.
func throughput(stdout io.Writer, name string, workers int, d time.Duration, people []archivegen.Person, ask func(rng *rand.Rand, keys map[string]string) error) error {
	var done atomic.Int64
	var first error
	var once sync.Once
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 9))
			for i := 0; time.Now().Before(deadline); i++ {
				keys := people[rng.IntN(len(people))].Keys()
				if i%2 == 1 {
					keys["card_last4"] = fmt.Sprintf("%04d", rng.IntN(10000))
				}
				if err := ask(rng, keys); err != nil {
					once.Do(func() { first = err })
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return first
	}
	fmt.Fprintf(stdout, "%-14s %d goroutines, %s: %d lookups, %.0f/s\n", name, workers, d, done.Load(), float64(done.Load())/d.Seconds())
	return nil
}
