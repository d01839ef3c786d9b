//go:build linux

package main

import (
	"container/heap"
	"sync"
	"time"
)

// pendingAck is an ack a screen sends later, as the display page does
// (it waits 0.5–1.5 s at random: docs/protocol.md), for what the screen
// has received until then (screen.unacked).
type pendingAck struct {
	due time.Time
	s   *screen
}

// ackQueue is a poller's acks by due time. Its loop takes them; a screen's
// first frames are read on the goroutine that dialled it.
type ackQueue struct {
	mu sync.Mutex
	h  ackHeap
}

func (q *ackQueue) add(a pendingAck) {
	q.mu.Lock()
	heap.Push(&q.h, a)
	q.mu.Unlock()
}

// next returns when the first ack is due.
func (q *ackQueue) next() (time.Time, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.h) == 0 {
		return time.Time{}, false
	}
	return q.h[0].due, true
}

// due takes the acks due by now, earliest first.
func (q *ackQueue) due(now time.Time) []pendingAck {
	q.mu.Lock()
	defer q.mu.Unlock()
	var out []pendingAck
	for len(q.h) > 0 && !q.h[0].due.After(now) {
		out = append(out, heap.Pop(&q.h).(pendingAck))
	}
	return out
}

type ackHeap []pendingAck

func (h ackHeap) Len() int           { return len(h) }
func (h ackHeap) Less(i, j int) bool { return h[i].due.Before(h[j].due) }
func (h ackHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *ackHeap) Push(x any)        { *h = append(*h, x.(pendingAck)) }
func (h *ackHeap) Pop() any {
	old := *h
	a := old[len(old)-1]
	old[len(old)-1] = pendingAck{}
	*h = old[:len(old)-1]
	return a
}
