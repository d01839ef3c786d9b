package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gorilla/websocket"
)

// screen is one simulated display: it reads every frame, records when an
// emergency or its clear arrives, and acknowledges emergencies.
type screen struct {
	idx  int
	conn *websocket.Conn
	slow bool          // dialled with a tiny receive buffer; may stop reading
	gate chan struct{} // closed → reading resumes; nil → never paused
	mu   sync.Mutex
	done atomic.Bool
	err  error
}

// fleet is every screen and what they received.
type fleet struct {
	screens      []*screen
	hello        atomic.Int64
	pings        atomic.Int64
	disconnected atomic.Int64
	slowGone     atomic.Int64
	closing      atomic.Bool
	ack          bool
	rec          *recorder
	paused       atomic.Pointer[chan struct{}]
}

func dial(ctx context.Context, o options, tokens []string, slowEvery int, rec *recorder) (*fleet, error) {
	f := &fleet{screens: make([]*screen, len(tokens)), ack: o.ack, rec: rec}
	u := "ws" + strings.TrimPrefix(o.url, "http") + "/ws"
	dialers := make([]*websocket.Dialer, 2*o.sources)
	for i := range dialers {
		nd := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(2+i%o.sources))}, Timeout: 30 * time.Second}
		if i >= o.sources { // slow screens: a tiny receive buffer, so their backlog reaches the server soon
			nd.Control = func(_, _ string, c syscall.RawConn) error {
				return c.Control(func(fd uintptr) { _ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 2048) })
			}
		}
		dialers[i] = &websocket.Dialer{NetDialContext: nd.DialContext, HandshakeTimeout: 30 * time.Second, ReadBufferSize: 1024, WriteBufferSize: 512}
	}
	jobs := make(chan int)
	errs := make(chan error, len(tokens))
	var wg sync.WaitGroup
	for range o.concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				slow := slowEvery > 0 && i%slowEvery == slowEvery-1
				d := dialers[i%o.sources]
				if slow {
					d = dialers[o.sources+i%o.sources]
				}
				hdr := http.Header{"Sec-WebSocket-Protocol": {"hallcast.v1, bearer." + tokens[i]}}
				conn, _, err := d.DialContext(ctx, u, hdr)
				if err != nil {
					errs <- fmt.Errorf("screen %d: %w", i, err)
					continue
				}
				s := &screen{idx: i, conn: conn, slow: slow}
				f.screens[i] = s
				go f.read(s)
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

// read reads frames until the connection ends. It finds the type and id
// without decoding the JSON, to leave the CPU to the server.
func (f *fleet) read(s *screen) {
	c := s.conn
	c.SetPingHandler(func(data string) error {
		f.pings.Add(1)
		err := c.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(10*time.Second))
		if err == nil || websocket.IsUnexpectedCloseError(err) {
			return nil
		}
		return err
	})
	for {
		if s.slow {
			if p := f.paused.Load(); p != nil {
				<-*p
			}
		}
		_, b, err := c.ReadMessage()
		now := time.Now()
		if err != nil {
			s.mu.Lock()
			s.err = err
			s.mu.Unlock()
			s.done.Store(true)
			if !f.closing.Load() {
				f.disconnected.Add(1)
				if s.slow {
					f.slowGone.Add(1)
				}
			}
			return
		}
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
				_ = c.WriteMessage(websocket.TextMessage, []byte(`{"v":1,"type":"ack","id":"`+id+`"}`))
			}
		}
	}
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

// open counts the screens still connected.
func (f *fleet) open() (all, slow int) {
	for _, s := range f.screens {
		if s != nil && !s.done.Load() {
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
	for _, s := range f.screens {
		if s != nil {
			_ = s.conn.Close()
		}
	}
}

func (f *fleet) slowDrops() int64 { return f.slowGone.Load() }
