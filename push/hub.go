package push

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/gorilla/websocket"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/hallcast/hallcast/device"
)

// Handler receives the life of the connections of one device kind.
// Connected runs before any message is read (send hello and the current
// state there); Received runs on the connection's read goroutine, so it
// must not block for long; Disconnected runs once the connection is gone.
type Handler interface {
	Connected(c *Client)
	Received(c *Client, m Message)
	Disconnected(c *Client)
}

// Options tune the hub.
type Options struct {
	Logger *slog.Logger
	// Registerer receives the hub's metrics; nil registers nothing.
	Registerer prometheus.Registerer
	// SendQueue is how many messages may wait for a slow client before it
	// is dropped (default 64).
	SendQueue int
	// PingInterval, PongWait and WriteWait are the keep-alive deadlines
	// (defaults 30 s, 75 s, 10 s).
	PingInterval, PongWait, WriteWait time.Duration
	// ReadLimit is the largest frame a client may send (default 8 KiB).
	ReadLimit int64
	// SendBuffer, when set, is the kernel send buffer of each connection
	// (the server uses 32 KiB; 0 keeps the kernel's autotuning). Bounding
	// it keeps a peer that stops reading from soaking up megabytes of
	// kernel memory before its queue fills and it is dropped; writes of
	// larger frames simply wait for the peer.
	SendBuffer int
	// AllowedOrigins are origins (scheme://host[:port]) besides the
	// request's own host that may open connections.
	AllowedOrigins []string
	// StormSize and StormQuiet: once at least StormSize connections
	// (default 500) have opened and none for StormQuiet (default 10 s),
	// the hub returns the memory the storm left behind to the system
	// (see settle in wheel.go). A negative StormSize turns it off.
	StormSize  int
	StormQuiet time.Duration
}

// Hub owns every connection of this instance.
type Hub struct {
	opts     Options
	upgrader websocket.Upgrader
	metrics  *metrics

	mu       sync.RWMutex
	clients  map[*Client]struct{}
	byDevice map[int64]*Client
	handlers map[device.Kind]Handler
	onAck    []func(c *Client, id string)
	onConn   []func(c *Client)
	closed   bool
	wg       sync.WaitGroup
	nextSlot uint32
	wheel    *wheel
	storm    storm // under mu
}

// NewHub returns a hub with defaults filled in.
func NewHub(o Options) *Hub {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.SendQueue <= 0 {
		o.SendQueue = 64
	}
	if o.PingInterval <= 0 {
		o.PingInterval = 30 * time.Second
	}
	if o.PongWait <= 0 {
		o.PongWait = 75 * time.Second
	}
	if o.WriteWait <= 0 {
		o.WriteWait = 10 * time.Second
	}
	if o.ReadLimit <= 0 {
		o.ReadLimit = 8 << 10
	}
	if o.StormSize == 0 {
		o.StormSize = 500
	}
	if o.StormQuiet <= 0 {
		o.StormQuiet = 10 * time.Second
	}
	h := &Hub{
		opts:     o,
		metrics:  newMetrics(o.Registerer),
		clients:  map[*Client]struct{}{},
		byDevice: map[int64]*Client{},
		handlers: map[device.Kind]Handler{},
	}
	h.upgrader = websocket.Upgrader{
		HandshakeTimeout: 10 * time.Second,
		// Client frames are small; a larger one is read in several fills.
		ReadBufferSize:  512,
		WriteBufferSize: 1024,
		// Idle connections hold no write buffer (prepared messages and
		// control frames are written directly anyway).
		WriteBufferPool: &sync.Pool{},
		Subprotocols:    []string{Subprotocol},
		CheckOrigin:     h.checkOrigin,
	}
	return h
}

// Handle sets the handler for devices of kind k. Call it before serving.
func (h *Hub) Handle(k device.Kind, hd Handler) {
	h.mu.Lock()
	h.handlers[k] = hd
	h.mu.Unlock()
}

// Broadcast encodes a message once and queues it for every client that
// match accepts (all when match is nil). It returns how many were queued.
func (h *Hub) Broadcast(typ, id string, data any, match func(*Client) bool) (int, error) {
	p, err := Prepare(typ, id, data)
	if err != nil {
		return 0, err
	}
	return h.BroadcastPrepared(p, match), nil
}

// BroadcastPrepared sends an already prepared message to every client
// that match accepts and returns how many took it.
func (h *Hub) BroadcastPrepared(p *Prepared, match func(*Client) bool) int {
	start := time.Now()
	h.mu.RLock()
	targets := make([]*Client, 0, len(h.clients))
	for c := range h.clients {
		if match == nil || match(c) {
			targets = append(targets, c)
		}
	}
	h.mu.RUnlock()
	n := h.fanOut(targets, outgoing{frame: p.frame})
	h.metrics.broadcasts.Inc()
	h.metrics.fanout.Observe(time.Since(start).Seconds())
	return n
}

// Send queues one message for one client.
func (h *Hub) Send(c *Client, typ, id string, data any) error {
	p, err := Prepare(typ, id, data)
	if err != nil {
		return err
	}
	c.enqueue(outgoing{frame: p.frame})
	return nil
}

// SendPrepared sends an already prepared message to one client; false
// when the client is closing or was dropped as too slow.
func (h *Hub) SendPrepared(c *Client, p *Prepared) bool {
	return c.enqueue(outgoing{frame: p.frame})
}

// OnAck registers f to run for every "ack" frame with an id, on the
// connection's read goroutine, before the kind's handler sees it. Call it
// before serving.
func (h *Hub) OnAck(f func(c *Client, id string)) {
	h.mu.Lock()
	h.onAck = append(h.onAck, f)
	h.mu.Unlock()
}

// AfterConnect registers f to run for every new connection right after
// its kind's handler's Connected (after hello and the current state).
// Call it before serving.
func (h *Hub) AfterConnect(f func(c *Client)) {
	h.mu.Lock()
	h.onConn = append(h.onConn, f)
	h.mu.Unlock()
}

func (h *Hub) ackHooks() []func(c *Client, id string) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.onAck
}

// Count returns how many connections are open.
func (h *Hub) Count() int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return len(h.clients)
}

// Clients returns the connected clients that match accepts.
func (h *Hub) Clients(match func(*Client) bool) []*Client {
	h.mu.RLock()
	defer h.mu.RUnlock()
	out := make([]*Client, 0, len(h.clients))
	for c := range h.clients {
		if match == nil || match(c) {
			out = append(out, c)
		}
	}
	return out
}

// Connected returns the client of a device on this instance, or nil.
func (h *Hub) Connected(deviceID int64) *Client {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.byDevice[deviceID]
}

// Kick closes a device's connection with a close code and reason.
func (h *Hub) Kick(deviceID int64, code int, reason string) {
	if c := h.Connected(deviceID); c != nil {
		c.Close(code, reason)
	}
}

// Shutdown closes every connection with a "going away" close frame and
// waits for them to end, or for ctx.
func (h *Hub) Shutdown(ctx context.Context) {
	h.mu.Lock()
	h.closed = true
	if h.wheel != nil {
		h.wheel.stop()
	}
	for c := range h.clients {
		c.Close(websocket.CloseGoingAway, "server restarting")
	}
	h.mu.Unlock()
	done := make(chan struct{})
	go func() { h.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
}
