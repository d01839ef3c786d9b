package push

import (
	"bytes"
	"net"
	"sync"
	"syscall"
	"time"

	"github.com/gorilla/websocket"

	"github.com/hallcast/hallcast/device"
)

// Client is one connected device. Everyone queues frames on it; at most
// one goroutine at a time writes to the connection: a writer started when
// the queue becomes non-empty, which exits once it has drained it, so an
// idle connection has no writer goroutine and holds no write buffer.
type Client struct {
	// Device is the device as it was when it connected.
	Device      device.Device
	Remote      string
	ConnectedAt time.Time
	// Query is the raw query of the WebSocket URL (e.g. a screen's
	// "have=<playlist version>"); empty for most connections.
	Query string

	hub    *Hub
	conn   *websocket.Conn
	raw    syscall.RawConn // for writes that must not wait
	bucket uint32          // ping wheel slot

	mu        sync.Mutex
	queue     []outgoing
	writing   bool // a writer goroutine owns the connection
	closing   bool // Close or abort was called: nothing more is queued
	slow      bool
	closeCode int
	closeText string
	attrs     []attr
}

// outgoing is one queued frame: a message (its frame bytes, from off), a
// ping, a pong or the close frame.
type outgoing struct {
	frame []byte
	off   int
	ping  bool
	pong  []byte
	close bool
}

// Set stores a value on the client for its handler (e.g. its screen
// groups, its playlist version).
func (c *Client) Set(key string, v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := range c.attrs {
		if c.attrs[i].key == key {
			c.attrs[i].v = v
			return
		}
	}
	c.attrs = append(c.attrs, attr{key, v})
}

// Get returns a value stored with Set, or nil.
func (c *Client) Get(key string) any {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, a := range c.attrs {
		if a.key == key {
			return a.v
		}
	}
	return nil
}

// attr is one value stored with Set: a client holds one or two, and a
// slice of them costs a tenth of a map's memory for each of thousands of
// connections.
type attr struct {
	key string
	v   any
}

// Hub returns the hub the client belongs to.
func (c *Client) Hub() *Hub { return c.hub }

// enqueue queues a message without blocking. A client whose queue is full
// is too slow: it is disconnected at once so it delays nobody.
func (c *Client) enqueue(o outgoing) bool {
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		return false
	}
	if len(c.queue) >= c.hub.opts.SendQueue {
		c.mu.Unlock()
		if !o.ping {
			c.hub.metrics.slow.Inc()
			c.abort()
		}
		return false
	}
	if o.frame != nil && !c.writing && len(c.queue) == 0 {
		// The fast path: write now, from this goroutine, what the socket
		// takes without waiting; a writer goroutine finishes the rest.
		c.writing = true
		c.mu.Unlock()
		n, err := c.tryWrite(o.frame)
		c.mu.Lock()
		switch {
		case err != nil:
			c.closing, c.queue = true, nil
			c.mu.Unlock()
			_ = c.conn.NetConn().Close()
			return false
		case n == len(o.frame):
			c.hub.metrics.sent.Inc()
			c.writing = false
			if len(c.queue) > 0 {
				c.startWriterLocked()
			}
			c.mu.Unlock()
			return true
		}
		o.off = n
		c.queue = append([]outgoing{o}, c.queue...)
		go c.write()
		c.mu.Unlock()
		return true
	}
	c.queue = append(c.queue, o)
	c.startWriterLocked()
	c.mu.Unlock()
	return true
}

// startWriterLocked starts the writer unless one runs; c.mu is held.
func (c *Client) startWriterLocked() {
	if !c.writing {
		c.writing = true
		go c.write()
	}
}

// Close asks the writer to send a close frame with code and reason and end
// the connection. Frames still queued are dropped.
func (c *Client) Close(code int, reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closing {
		return
	}
	c.closing, c.closeCode, c.closeText = true, code, reason
	keep := 0
	if len(c.queue) > 0 && c.queue[0].off > 0 {
		keep = 1 // the rest of a frame already begun
	}
	c.queue = append(c.queue[:keep], outgoing{close: true})
	c.startWriterLocked()
}

// abort ends the connection at once, without a close frame (a writer may
// be stuck writing to a peer that does not read; closing the socket ends
// that write).
func (c *Client) abort() {
	c.mu.Lock()
	c.closing, c.slow, c.queue = true, true, nil
	c.mu.Unlock()
	_ = c.conn.NetConn().Close()
}

// write is the writer: it drains the queue and exits. Only one runs at a
// time (c.writing), so only one goroutine ever writes to the connection.
func (c *Client) write() {
	wait := c.hub.opts.WriteWait
	for {
		c.mu.Lock()
		if len(c.queue) == 0 {
			// No deadline while idle: a broadcast's immediate write
			// (tryWrite) must not meet an old one.
			_ = c.conn.NetConn().SetWriteDeadline(time.Time{})
			c.writing, c.queue = false, nil
			c.mu.Unlock()
			return
		}
		o := c.queue[0]
		c.queue[0] = outgoing{}
		c.queue = c.queue[1:]
		code, text := c.closeCode, c.closeText
		c.mu.Unlock()
		var err error
		switch {
		case o.close:
			msg := websocket.FormatCloseMessage(code, text)
			_ = c.conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
			_ = c.conn.NetConn().Close()
			return // c.writing stays true: nothing is written after the close frame
		case o.ping:
			err = c.conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(wait))
		case o.pong != nil:
			err = c.conn.WriteControl(websocket.PongMessage, o.pong, time.Now().Add(wait))
		default:
			nc := c.conn.NetConn()
			_ = nc.SetWriteDeadline(time.Now().Add(wait))
			if _, err = nc.Write(o.frame[o.off:]); err == nil {
				c.hub.metrics.sent.Inc()
			}
		}
		if err != nil {
			c.mu.Lock()
			c.closing, c.queue = true, nil
			c.mu.Unlock()
			_ = c.conn.NetConn().Close()
			return
		}
	}
}

// ping queues a ping unless the client is closing or its queue is full
// (a full queue is dealt with by the next message).
func (c *Client) ping() { c.enqueue(outgoing{ping: true}) }

// readPump reads until the connection fails, handing each message to the
// hooks and the handler. A malformed or oversized frame ends this
// connection only.
func (c *Client) readPump(hd Handler) {
	o := c.hub.opts
	c.conn.SetReadLimit(o.ReadLimit)
	_ = c.conn.SetReadDeadline(time.Now().Add(o.PongWait))
	c.conn.SetPongHandler(func(string) error {
		return c.conn.SetReadDeadline(time.Now().Add(o.PongWait))
	})
	// Every write goes through the client's writer, also the answers to
	// a peer's ping or close (gorilla would write those itself).
	c.conn.SetPingHandler(func(data string) error {
		c.enqueue(outgoing{pong: []byte(data)})
		return nil
	})
	c.conn.SetCloseHandler(func(code int, _ string) error {
		c.Close(code, "")
		return nil
	})
	extended := time.Now()
	for {
		typ, r, err := c.conn.NextReader()
		var buf *bytes.Buffer
		if err == nil {
			buf = readBuffers.Get().(*bytes.Buffer)
			_, err = buf.ReadFrom(r)
		}
		if err != nil {
			putReadBuffer(buf)
			switch {
			case err == websocket.ErrReadLimit:
				c.Close(websocket.CloseMessageTooBig, "frame too large")
			case isTimeout(err):
				c.Close(websocket.CloseGoingAway, "no pong")
			default:
				c.Close(websocket.CloseNormalClosure, "")
			}
			return
		}
		// A message also proves the peer alive; moving the deadline
		// (a runtime timer) once in a while is enough for that.
		if now := time.Now(); now.Sub(extended) > o.PongWait/8 {
			_ = c.conn.SetReadDeadline(now.Add(o.PongWait))
			extended = now
		}
		if typ != websocket.TextMessage {
			putReadBuffer(buf)
			c.Close(CloseBadMessage, "text frames only")
			return
		}
		m, err := Decode(buf.Bytes()) // copies what it keeps
		putReadBuffer(buf)
		if err != nil {
			c.Close(CloseBadMessage, "not a protocol message")
			return
		}
		c.hub.metrics.received.Inc()
		if m.Type == TypeAck {
			hooks := c.hub.ackHooks()
			for _, id := range AckIDs(m) {
				for _, f := range hooks {
					f(c, id)
				}
			}
		}
		if hd != nil {
			hd.Received(c, m)
		}
	}
}

// readBuffers hold one incoming message while it is decoded: shared, so
// that an ack costs no allocation of its own and an idle connection holds
// no buffer.
var readBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putReadBuffer(b *bytes.Buffer) {
	if b == nil || b.Cap() > 16<<10 {
		return
	}
	b.Reset()
	readBuffers.Put(b)
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}
