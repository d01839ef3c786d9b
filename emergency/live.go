package emergency

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/store"
)

// live is this instance's view of the active emergencies: what to send to
// a device that connects, whose acks count, and when each one ends.
type live struct {
	s      *Service
	mu     sync.RWMutex
	active map[int64]*entry
	sub    *store.Subscription
	done   chan struct{}
}

type entry struct {
	e       *Emergency
	targets map[int64]struct{} // never changes once built
	acked   map[int64]bool     // acks seen here (under live.mu)
	pm      *push.Prepared
	stop    chan struct{}
	pushed  chan struct{} // closed once the broadcast is out: its clear waits for it
}

func newLive(s *Service) *live {
	return &live{s: s, active: map[int64]*entry{}, done: make(chan struct{})}
}

// Payload is the data of an "emergency" message (docs/protocol.md).
type Payload struct {
	ID        string    `json:"id"`
	Text      string    `json:"text"`
	Level     string    `json:"level"`
	ExpiresAt time.Time `json:"expires_at"`
}

// Start hooks the hub (acks, connecting devices), follows the bus and
// loads the active emergencies. Call Close at shutdown.
func (s *Service) Start(ctx context.Context) error {
	l := s.live
	s.opts.Hub.OnAck(l.ack)
	s.opts.Hub.AfterConnect(l.connected)
	l.sub = s.opts.DB.Bus().Subscribe(Topic, store.TopicResync)
	if err := l.reload(ctx); err != nil {
		l.sub.Close()
		return wrap("load the active emergencies", err)
	}
	go l.follow()
	go s.acks.run()
	return nil
}

// Close stops following the bus, stops the expiry timers and writes the
// pending acks.
func (s *Service) Close(ctx context.Context) {
	if s.live.sub == nil {
		return
	}
	s.live.sub.Close()
	<-s.live.done
	s.live.mu.Lock()
	for id, en := range s.live.active {
		close(en.stop)
		delete(s.live.active, id)
	}
	s.live.mu.Unlock()
	s.acks.close(ctx)
}

func (l *live) follow() {
	defer close(l.done)
	for ev := range l.sub.C {
		ctx := context.Background()
		var d struct{ Event string }
		_ = json.Unmarshal(ev.Data, &d)
		var err error
		switch {
		case ev.Topic == store.TopicResync:
			err = l.reload(ctx)
		case d.Event == "sent":
			err = l.learn(ctx, ev.ID)
		case d.Event == "cleared":
			l.end(ev.ID)
		}
		if err != nil {
			l.s.opts.Logger.Error("emergency: following the bus", "event", ev.Topic, "id", ev.ID, "err", err)
		}
	}
}

// learn loads a newly sent emergency and pushes it to its targets here.
func (l *live) learn(ctx context.Context, id int64) error {
	l.mu.RLock()
	_, known := l.active[id]
	l.mu.RUnlock()
	if known {
		return nil
	}
	e, err := l.s.get(ctx, l.s.opts.DB, id)
	if err != nil {
		return err
	}
	ts, err := l.s.storedTargets(ctx, id)
	if err != nil {
		return err
	}
	l.add(e, deviceIDs(ts))
	return nil
}

// reload makes the active set match the database (at start and after a
// resync, when events may have been lost).
func (l *live) reload(ctx context.Context) error {
	list, targets, err := l.s.activeNow(ctx)
	if err != nil {
		return err
	}
	keep := map[int64]bool{}
	for _, e := range list {
		keep[e.ID] = true
		l.mu.RLock()
		_, known := l.active[e.ID]
		l.mu.RUnlock()
		if !known {
			l.add(e, targets[e.ID])
		}
	}
	l.mu.RLock()
	var gone []int64
	for id := range l.active {
		if !keep[id] {
			gone = append(gone, id)
		}
	}
	l.mu.RUnlock()
	for _, id := range gone {
		l.end(id)
	}
	return nil
}

// add makes e active here, starts its expiry timer and pushes it to its
// connected targets. The push runs on its own goroutine: writing to
// thousands of screens takes a while, and the sender's transaction hook
// (Send) must not hold back the bus event that tells the other instances.
func (l *live) add(e *Emergency, ids []int64) {
	now := l.s.now()
	if !e.Active(now) {
		return
	}
	mid := MessageID(e.ID)
	pm, err := push.Prepare(push.TypeEmergency, mid, Payload{ID: mid, Text: e.Text, Level: e.Level, ExpiresAt: e.ExpiresAt})
	if err != nil {
		l.s.opts.Logger.Error("emergency: encoding", "id", e.ID, "err", err)
		return
	}
	en := &entry{e: e, targets: make(map[int64]struct{}, len(ids)), acked: map[int64]bool{}, pm: pm, stop: make(chan struct{}), pushed: make(chan struct{})}
	for _, id := range ids {
		en.targets[id] = struct{}{}
	}
	l.mu.Lock()
	if _, dup := l.active[e.ID]; dup {
		l.mu.Unlock()
		return
	}
	l.active[e.ID] = en
	l.mu.Unlock()
	wait := clock.Until(l.s.opts.Clock, e.ExpiresAt)
	go func() {
		select {
		case <-wait:
			l.end(e.ID)
		case <-en.stop:
		}
	}()
	go func() {
		defer close(en.pushed)
		n := l.s.opts.Hub.BroadcastPrepared(pm, en.isTarget)
		l.s.opts.Logger.Info("emergency: broadcast", "id", e.ID, "targets", len(ids), "connected", n)
	}()
}

func (en *entry) isTarget(c *push.Client) bool {
	_, ok := en.targets[c.Device.ID]
	return ok
}

// end removes an emergency (cleared or expired) and tells its targets.
func (l *live) end(id int64) {
	l.mu.Lock()
	en := l.active[id]
	if en == nil {
		l.mu.Unlock()
		return
	}
	delete(l.active, id)
	close(en.stop)
	l.mu.Unlock()
	<-en.pushed // a screen must not get the clear before the emergency
	mid := MessageID(id)
	if _, err := l.s.opts.Hub.Broadcast(push.TypeEmergencyClear, "", map[string]string{"id": mid}, en.isTarget); err != nil {
		l.s.opts.Logger.Error("emergency: clear", "id", id, "err", err)
	}
}

// connected sends the active emergencies of a device that just connected.
func (l *live) connected(c *push.Client) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	for _, en := range l.active {
		if _, ok := en.targets[c.Device.ID]; ok {
			c.Hub().SendPrepared(c, en.pm)
		}
	}
}

// ack records a device's ack of an active emergency it was sent, once.
func (l *live) ack(c *push.Client, mid string) {
	num, ok := strings.CutPrefix(mid, "em-")
	if !ok {
		return
	}
	id, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return
	}
	l.mu.Lock()
	en := l.active[id]
	if en == nil {
		l.mu.Unlock()
		return
	}
	_, ok = en.targets[c.Device.ID]
	if !ok || en.acked[c.Device.ID] {
		l.mu.Unlock()
		return
	}
	en.acked[c.Device.ID] = true
	l.mu.Unlock()
	l.s.acks.add(id, c.Device.ID, l.s.now())
}
