package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
)

// Event is a change notification: what changed, not the changed document.
// Receivers reload what they need. Keep Data small (PostgreSQL NOTIFY
// payloads are limited to 8000 bytes).
type Event struct {
	Topic string          `json:"topic"`
	ID    int64           `json:"id,omitempty"`
	Data  json.RawMessage `json:"data,omitempty"`
}

// TopicResync is delivered to every subscriber when events may have been
// lost (a subscriber fell behind, or the PostgreSQL listener reconnected):
// reload everything.
const TopicResync = "resync"

// subscriptionBuffer is how many events a subscriber may lag behind before
// it is sent a resync instead.
const subscriptionBuffer = 1024

// Bus fans change events out to subscribers in this process and, on
// PostgreSQL, to the other instances through LISTEN/NOTIFY.
type Bus struct {
	origin  string
	log     *slog.Logger
	mu      sync.RWMutex
	subs    map[*Subscription]struct{}
	notify  func(ctx context.Context, payload string) error
	stop    func()
	dropped atomic.Int64
}

// Subscription receives the events of the topics it asked for on C.
type Subscription struct {
	C        <-chan Event
	ch       chan Event
	topics   map[string]bool
	bus      *Bus
	overflow atomic.Bool
}

type envelope struct {
	Origin string `json:"o"`
	Event
}

func newBus(log *slog.Logger) *Bus {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return &Bus{origin: hex.EncodeToString(b), log: log, subs: map[*Subscription]struct{}{}}
}

// Subscribe returns a subscription to the given topics (all topics when
// none are given). Resync events are always delivered. Close it when done.
func (b *Bus) Subscribe(topics ...string) *Subscription {
	ch := make(chan Event, subscriptionBuffer)
	s := &Subscription{C: ch, ch: ch, bus: b}
	if len(topics) > 0 {
		s.topics = map[string]bool{}
		for _, t := range topics {
			s.topics[t] = true
		}
	}
	b.mu.Lock()
	b.subs[s] = struct{}{}
	b.mu.Unlock()
	return s
}

// Close ends the subscription; C is closed.
func (s *Subscription) Close() {
	s.bus.mu.Lock()
	if _, ok := s.bus.subs[s]; ok {
		delete(s.bus.subs, s)
		close(s.ch)
	}
	s.bus.mu.Unlock()
}

// Publish delivers ev to local subscribers at once and to other instances.
func (b *Bus) Publish(ctx context.Context, ev Event) error {
	b.deliver(ev)
	if b.notify == nil {
		return nil
	}
	payload, err := json.Marshal(envelope{Origin: b.origin, Event: ev})
	if err != nil {
		return fmt.Errorf("store: unable to encode event %s: %w", ev.Topic, err)
	}
	if len(payload) > 7900 {
		return fmt.Errorf("store: event %s is %d bytes, too large for NOTIFY", ev.Topic, len(payload))
	}
	return b.notify(ctx, string(payload))
}

// Dropped counts events replaced by a resync because a subscriber lagged.
func (b *Bus) Dropped() int64 { return b.dropped.Load() }

func (b *Bus) deliver(ev Event) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for s := range b.subs {
		if ev.Topic != TopicResync && s.topics != nil && !s.topics[ev.Topic] {
			continue
		}
		s.send(ev, &b.dropped)
	}
}

// send never blocks: a subscriber that falls behind loses events and gets
// one resync as soon as it has room again.
func (s *Subscription) send(ev Event, dropped *atomic.Int64) {
	if s.overflow.Load() {
		if len(s.ch) >= cap(s.ch)-1 {
			dropped.Add(1)
			return
		}
		s.ch <- Event{Topic: TopicResync}
		s.overflow.Store(false)
	}
	select {
	case s.ch <- ev:
	default:
		s.overflow.Store(true)
		dropped.Add(1)
	}
}

func (b *Bus) close() {
	if b.stop != nil {
		b.stop()
	}
	b.mu.Lock()
	for s := range b.subs {
		delete(b.subs, s)
		close(s.ch)
	}
	b.mu.Unlock()
}
