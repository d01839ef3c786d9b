package push

import (
	"runtime/debug"
	"sync"
	"time"
)

// wheelSlots is how many slots the ping wheel has: each tick pings the
// clients of one slot, so pings are spread over the interval instead of
// being sent to every connection at once, and no connection needs a
// timer or goroutine of its own while idle.
const wheelSlots = 16

// wheel is the hub's shared ping timer.
type wheel struct {
	quit chan struct{}
	once sync.Once
}

// startWheel starts the ping wheel once, with the first connection.
func (h *Hub) startWheel() {
	if h.wheel != nil || h.closed {
		return
	}
	h.wheel = &wheel{quit: make(chan struct{})}
	go h.pingLoop(h.wheel)
}

func (w *wheel) stop() { w.once.Do(func() { close(w.quit) }) }

func (h *Hub) pingLoop(w *wheel) {
	t := time.NewTicker(h.opts.PingInterval / wheelSlots)
	defer t.Stop()
	var slot uint32
	var due []*Client
	for {
		select {
		case <-w.quit:
			return
		case <-t.C:
		}
		slot = (slot + 1) % wheelSlots
		due = due[:0]
		h.mu.RLock()
		for c := range h.clients {
			if c.bucket == slot {
				due = append(due, c)
			}
		}
		h.mu.RUnlock()
		for _, c := range due {
			c.ping()
		}
		clear(due)
		h.settle()
	}
}

// storm counts the connections opened since the memory was last
// returned to the system.
type storm struct {
	opened int
	last   time.Time
}

// settle returns the garbage of a connection storm to the system once it
// is over. Thousands of screens connecting at once (a start, a restart,
// the network coming back) leave a heap of request buffers, handshake
// headers and greetings behind, often more than the connections keep;
// the garbage collector frees it only when the heap grows again, and
// idle screens allocate almost nothing, so without this the process
// would hold that memory for minutes. One forced collection when the
// storm is over costs a few tens of milliseconds.
func (h *Hub) settle() {
	h.mu.Lock()
	st := h.storm
	due := h.opts.StormSize > 0 && st.opened >= h.opts.StormSize && time.Since(st.last) >= h.opts.StormQuiet
	if due {
		h.storm = storm{}
	}
	h.mu.Unlock()
	if due {
		debug.FreeOSMemory()
		h.metrics.released.Inc()
	}
}
