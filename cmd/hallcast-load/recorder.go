//go:build linux

package main

import (
	"sort"
	"sync"
	"time"
)

// recorder keeps, per emergency, when it was published and when each
// screen received it.
type recorder struct {
	mu    sync.Mutex
	bc    map[string]*broadcast
	clear map[string]int
}

type broadcast struct {
	start    time.Time
	lat      []time.Time // arrivals at fast screens
	slowSeen int
	last     time.Time
}

func newRecorder() *recorder {
	return &recorder{bc: map[string]*broadcast{}, clear: map[string]int{}}
}

// started records the publish time of id (taken before the POST).
func (r *recorder) started(id string, at time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if b := r.bc[id]; b != nil {
		// Deliveries can beat the POST's response: keep them.
		b.start = at
		return
	}
	r.bc[id] = &broadcast{start: at}
}

func (r *recorder) delivered(id string, at time.Time, slow bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.bc[id]
	if b == nil {
		b = &broadcast{}
		r.bc[id] = b
	}
	if slow {
		b.slowSeen++
		return
	}
	b.lat = append(b.lat, at)
	if at.After(b.last) {
		b.last = at
	}
}

func (r *recorder) cleared(id string) {
	r.mu.Lock()
	r.clear[id]++
	r.mu.Unlock()
}

func (r *recorder) clears(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.clear[id]
}

// count returns how many fast screens received id.
func (r *recorder) count(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if b := r.bc[id]; b != nil {
		return len(b.lat)
	}
	return 0
}

// result returns per-screen latencies and publish → delivered-to-all.
func (r *recorder) result(id string) (per []time.Duration, all time.Duration, last time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.bc[id]
	if b == nil {
		return nil, 0, time.Time{}
	}
	per = make([]time.Duration, len(b.lat))
	for i, at := range b.lat {
		per[i] = at.Sub(b.start)
	}
	return per, b.last.Sub(b.start), b.last
}

// pct returns the p-th percentile (0–100) of ds.
func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(float64(len(s)-1) * p / 100)
	return s[i]
}

func ms(d time.Duration) string { return formatMS(d) }
