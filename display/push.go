package display

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/url"
	"sync"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/push"
)

// Tracker follows the liveness of screens (the status package does).
type Tracker interface {
	Connected(dev device.Device, remote string)
	Heartbeat(deviceID int64, data json.RawMessage)
	Disconnected(deviceID int64)
}

// Recorder keeps proof of play (the proof package does).
type Recorder interface {
	Record(ctx context.Context, deviceID int64, data json.RawMessage) error
}

// TypePlayed is the screen → server proof-of-play message.
const TypePlayed = "played"

// HeartbeatSeconds is how often screens send a heartbeat.
const HeartbeatSeconds = 30

// Push is the push.Handler of screens: it greets a screen with hello and
// its playlist, pushes a new playlist when what the screen should play
// changes (a change event, or a schedule, power or expiry instant: one
// timer waits for the earliest among the connected screens), and hands
// heartbeats and proof of play to the tracker and recorder.
type Push struct {
	svc      *Service
	hub      *push.Hub
	clock    clock.Clock
	log      *slog.Logger
	tracker  Tracker
	recorder Recorder

	mu   sync.Mutex
	snap *Snapshot
	gen  uint64 // bumped by every change event; a snapshot loaded before is stale
	// loading is closed when the snapshot load in progress ends.
	loading chan struct{}
	loads   int
	states  map[int64]*screenState
	wake    chan struct{}
	stop    chan struct{}
	done    chan struct{}
}

// screenState is what a connected screen has been sent.
type screenState struct {
	client     *push.Client
	version    string
	power      string
	validUntil time.Time
	hello      uint64 // hash of the last hello sent, without its server time (thousands of screens: not the text)
	gen        uint64 // the generation of the newest snapshot used
	ready      bool   // greeted by Connected: others may send to it
	frame      *Frame // the content the screen has, when known
}

// NewPush returns the screens' push handler and starts its timer; register
// it with hub.Handle(device.KindScreen, p), follow the bus with Follow and
// Close it at shutdown. tracker and recorder may be nil.
func NewPush(svc *Service, hub *push.Hub, tracker Tracker, recorder Recorder) *Push {
	p := &Push{svc: svc, hub: hub, clock: svc.clock, log: svc.log, tracker: tracker, recorder: recorder,
		states: map[int64]*screenState{},
		wake:   make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go p.timer()
	return p
}

// Close stops the timer.
func (p *Push) Close() {
	close(p.stop)
	<-p.done
}

// have returns the playlist version a screen says it has (?have= of
// its WebSocket URL), or "".
func have(query string) string {
	q, err := url.ParseQuery(query)
	if v := q.Get("have"); err == nil && len(v) <= 64 {
		return v
	}
	return ""
}

// snapshot returns the cached snapshot, loading it when a change made it
// stale or it is older than StatsRefresh (figures move without events,
// and an event missed by accident heals then). Concurrent callers share one load, so a thousand screens
// reconnecting after a restart read the database once.
func (p *Push) snapshot(ctx context.Context) (*Snapshot, error) {
	for {
		p.mu.Lock()
		if sn := p.snap; sn != nil && p.clock.Now().Sub(sn.loadedAt) < StatsRefresh {
			p.mu.Unlock()
			return sn, nil
		}
		if ch := p.loading; ch != nil {
			p.mu.Unlock()
			select {
			case <-ch:
				continue
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		ch := make(chan struct{})
		p.loading, p.loads = ch, p.loads+1
		gen := p.gen
		p.mu.Unlock()
		sn, err := p.svc.Snapshot(ctx)
		p.mu.Lock()
		p.loading = nil
		close(ch)
		if err == nil {
			sn.gen = gen
			if p.gen == gen {
				p.snap = sn
			}
		}
		p.mu.Unlock()
		return sn, err
	}
}

// Loads counts the snapshot loads so far (for tests and measurements).
func (p *Push) Loads() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.loads
}

// invalidate drops the cached snapshot.
func (p *Push) invalidate() {
	p.mu.Lock()
	p.snap = nil
	p.gen++
	p.mu.Unlock()
}

// poke wakes the timer to recompute its deadline.
func (p *Push) poke() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}
