package push

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// fanOutChunk is how many clients one goroutine of a broadcast serves.
const fanOutChunk = 1024

// fanOut queues o for every target, on up to GOMAXPROCS goroutines for a
// large broadcast (each frame is written at once when the socket has
// room, so the write system calls are spread over the CPUs). It returns
// how many clients took the frame.
func (h *Hub) fanOut(targets []*Client, o outgoing) int {
	if len(targets) <= fanOutChunk {
		n := 0
		for _, c := range targets {
			if c.enqueue(o) {
				n++
			}
		}
		return n
	}
	var n atomic.Int64
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(targets)+fanOutChunk-1)/fanOutChunk) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(fanOutChunk)) - fanOutChunk
				if start >= len(targets) {
					return
				}
				for _, c := range targets[start:min(start+fanOutChunk, len(targets))] {
					if c.enqueue(o) {
						n.Add(1)
					}
				}
			}
		}()
	}
	wg.Wait()
	return int(n.Load())
}
