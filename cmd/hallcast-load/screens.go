//go:build linux

package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/hallcast/hallcast/push"
)

// screen is one simulated display: it reads every frame, records when an
// emergency or its clear arrives, and acknowledges emergencies. Only its
// poller touches it once it is registered.
type screen struct {
	idx  int
	fd   int
	slow bool   // dialled with a tiny receive buffer; may stop reading
	buf  []byte // the start of a frame not yet whole
	// unacked are the emergencies received since the last ack; the first
	// one's pendingAck sends them all in one frame, as the display does.
	unacked []string
	done    atomic.Bool
}

// fleet is every screen and what they received.
type fleet struct {
	screens      []atomic.Pointer[screen] // set once dialled (the pollers read them)
	pollers      []*poller
	hello        atomic.Int64
	pings        atomic.Int64
	disconnected atomic.Int64
	slowGone     atomic.Int64
	ackFailed    atomic.Int64
	pendingAcks  atomic.Int64
	ackMin       time.Duration // each ack waits ackMin + [0, ackMax-ackMin)
	ackMax       time.Duration
	closing      atomic.Bool
	paused       atomic.Bool
	ack          bool
	rec          *recorder
}

func dial(ctx context.Context, o options, tokens []string, slowEvery int, rec *recorder) (*fleet, error) {
	t, err := parseTarget(o.url)
	if err != nil {
		return nil, err
	}
	f := &fleet{screens: make([]atomic.Pointer[screen], len(tokens)), ack: o.ack, ackMin: o.ackMin, ackMax: o.ackMax, rec: rec}
	for range max(1, o.pollers) {
		p, err := newPoller(f)
		if err != nil {
			f.close()
			return nil, err
		}
		f.pollers = append(f.pollers, p)
		go p.run()
	}
	jobs := make(chan int)
	errs := make(chan error, len(tokens))
	var wg sync.WaitGroup
	for range o.concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if ctx.Err() != nil {
					errs <- ctx.Err()
					continue
				}
				s := &screen{idx: i, slow: slowEvery > 0 && i%slowEvery == slowEvery-1}
				fd, rest, err := dialScreen(t, byte(2+i%o.sources), tokens[i], s.slow)
				if err != nil {
					errs <- fmt.Errorf("screen %d: %w", i, err)
					continue
				}
				s.fd = fd
				p := f.pollers[i%len(f.pollers)]
				ok := p.take(s, rest, time.Now()) // before the poller can see s
				if !ok {
					p.gone(s)
				}
				f.screens[i].Store(s)
				if ok {
					p.add(s)
				}
			}
		}()
	}
	for i := range tokens {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(errs)
	var first error
	n := 0
	for err := range errs {
		if first == nil {
			first = err
		}
		n++
	}
	if first != nil {
		return f, fmt.Errorf("%d connections failed, first: %w", n, first)
	}
	return f, nil
}

var (
	typeHello = []byte(`"type":"hello"`)
	typeEm    = []byte(`"type":"emergency"`)
	typeClear = []byte(`"type":"emergency_clear"`)
	idKey     = []byte(`"id":"em-`)
)

// message handles one text message: it finds the type and id without
// decoding the JSON, to leave the CPU to the server.
func (f *fleet) message(p *poller, s *screen, b []byte, now time.Time) {
	switch {
	case bytes.Contains(b, typeHello):
		f.hello.Add(1)
	case bytes.Contains(b, typeClear):
		if id := emID(b); id != "" {
			f.rec.cleared(id)
		}
	case bytes.Contains(b, typeEm):
		id := emID(b)
		f.rec.delivered(id, now, s.slow)
		if f.ack && id != "" {
			f.pendingAcks.Add(1)
			s.unacked = append(s.unacked, id)
			if len(s.unacked) > 1 {
				return // goes with the first one's ack
			}
			d := f.ackMin
			if f.ackMax > f.ackMin {
				d += rand.N(f.ackMax - f.ackMin)
			}
			p.later.add(pendingAck{due: now.Add(d), s: s})
		}
	}
}

// sendAck writes the ack of the emergencies a screen received since its
// last one: push.MaxAckIDs ids a frame at most, as the display page
// sends them.
func (f *fleet) sendAck(a pendingAck) {
	ids := a.s.unacked
	a.s.unacked = nil
	f.pendingAcks.Add(-int64(len(ids)))
	if a.s.done.Load() {
		return
	}
	for len(ids) > 0 {
		part := ids[:min(push.MaxAckIDs, len(ids))]
		ids = ids[len(part):]
		if _, err := syscall.Write(a.s.fd, clientFrame(0x1, ackPayload(part), rand.Uint32())); err == syscall.EAGAIN {
			f.ackFailed.Add(1)
		}
	}
}

// ackPayload is the ack of ids[0] and, in data.ids, the rest.
func ackPayload(ids []string) []byte {
	var data any
	if len(ids) > 1 {
		data = map[string][]string{"ids": ids[1:]}
	}
	b, _ := push.Encode(push.TypeAck, ids[0], data) // strings only: cannot fail
	return b
}

// emID returns "em-N" from a frame.
func emID(b []byte) string {
	i := bytes.Index(b, idKey)
	if i < 0 {
		return ""
	}
	rest := b[i+len(`"id":"`):]
	j := bytes.IndexByte(rest, '"')
	if j < 0 {
		return ""
	}
	return string(rest[:j])
}

// pause stops the slow screens reading (each is taken off its poller the
// next time it has something to read); resume puts them back, so they
// find out whether the server dropped them.
func (f *fleet) pause() { f.paused.Store(true) }

func (f *fleet) resume() {
	f.paused.Store(false)
	for _, p := range f.pollers {
		p.unpark()
	}
}

// open counts the screens still connected.
func (f *fleet) open() (all, slow int) {
	for i := range f.screens {
		if s := f.screens[i].Load(); s != nil && !s.done.Load() {
			all++
			if s.slow {
				slow++
			}
		}
	}
	return all, slow
}

func (f *fleet) close() {
	f.closing.Store(true)
	for _, p := range f.pollers {
		p.stop()
	}
}

func (f *fleet) slowDrops() int64 { return f.slowGone.Load() }
