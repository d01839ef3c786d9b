package push

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/hallcast/hallcast/device"
)

// Client is one connected device. Only its write pump writes to the
// connection; everyone else queues prepared messages.
type Client struct {
	// Device is the device as it was when it connected.
	Device      device.Device
	Remote      string
	ConnectedAt time.Time

	hub  *Hub
	conn *websocket.Conn
	send chan *websocket.PreparedMessage
	done chan struct{}

	closeOnce sync.Once
	closeCode int
	closeText string
	slow      atomic.Bool

	mu    sync.RWMutex
	attrs map[string]any
}

// Set stores a value on the client for its handler (e.g. its screen
// groups, its playlist version).
func (c *Client) Set(key string, v any) {
	c.mu.Lock()
	if c.attrs == nil {
		c.attrs = map[string]any{}
	}
	c.attrs[key] = v
	c.mu.Unlock()
}

// Get returns a value stored with Set, or nil.
func (c *Client) Get(key string) any {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.attrs[key]
}

// enqueue queues a message without blocking. A client whose queue is full
// is too slow: it is disconnected at once so it delays nobody.
func (c *Client) enqueue(pm *websocket.PreparedMessage) bool {
	select {
	case <-c.done:
		return false
	default:
	}
	select {
	case c.send <- pm:
		return true
	default:
		c.slow.Store(true)
		c.hub.metrics.slow.Inc()
		c.abort()
		return false
	}
}

// Close asks the write pump to send a close frame with code and reason and
// end the connection.
func (c *Client) Close(code int, reason string) {
	c.closeOnce.Do(func() {
		c.closeCode, c.closeText = code, reason
		close(c.done)
	})
}

// abort ends the connection at once, without a close frame (the write
// pump may be stuck writing to a peer that does not read).
func (c *Client) abort() {
	c.Close(websocket.CloseGoingAway, "too slow")
	_ = c.conn.NetConn().Close()
}

// writePump is the only writer of the connection.
func (c *Client) writePump() {
	o := c.hub.opts
	ping := time.NewTicker(o.PingInterval)
	defer func() {
		ping.Stop()
		_ = c.conn.Close()
	}()
	for {
		select {
		case pm := <-c.send:
			_ = c.conn.SetWriteDeadline(time.Now().Add(o.WriteWait))
			if err := c.conn.WritePreparedMessage(pm); err != nil {
				c.Close(websocket.CloseAbnormalClosure, "write failed")
				return
			}
			c.hub.metrics.sent.Inc()
		case <-ping.C:
			if err := c.conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(o.WriteWait)); err != nil {
				c.Close(websocket.CloseAbnormalClosure, "ping failed")
				return
			}
		case <-c.done:
			if !c.slow.Load() {
				msg := websocket.FormatCloseMessage(c.closeCode, c.closeText)
				_ = c.conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
			}
			return
		}
	}
}

// readPump reads until the connection fails, handing each message to the
// handler. A malformed or oversized frame ends this connection only.
func (c *Client) readPump(h Handler) {
	o := c.hub.opts
	c.conn.SetReadLimit(o.ReadLimit)
	_ = c.conn.SetReadDeadline(time.Now().Add(o.PongWait))
	c.conn.SetPongHandler(func(string) error {
		return c.conn.SetReadDeadline(time.Now().Add(o.PongWait))
	})
	for {
		typ, b, err := c.conn.ReadMessage()
		if err != nil {
			if err == websocket.ErrReadLimit {
				c.Close(websocket.CloseMessageTooBig, "frame too large")
			} else {
				c.Close(websocket.CloseNormalClosure, "")
			}
			return
		}
		_ = c.conn.SetReadDeadline(time.Now().Add(o.PongWait))
		if typ != websocket.TextMessage {
			c.Close(CloseBadMessage, "text frames only")
			return
		}
		m, err := Decode(b)
		if err != nil {
			c.Close(CloseBadMessage, "not a protocol message")
			return
		}
		c.hub.metrics.received.Inc()
		if h != nil {
			h.Received(c, m)
		}
	}
}

// Hub returns the hub the client belongs to.
func (c *Client) Hub() *Hub { return c.hub }
