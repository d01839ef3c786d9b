package push

import (
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
	}
}
