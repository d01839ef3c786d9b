package push

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/gorilla/websocket"

	"github.com/hallcast/hallcast/device"
)

// Authenticator finds the device of a token (device.Service does).
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (*device.Device, error)
}

// ServeHTTP returns the handler of the WebSocket endpoint. The device token
// comes as the offered subprotocol "bearer.<token>" (browsers) or the
// Authorization / X-Device-Token header (other clients). A connection
// without a valid token is upgraded and closed at once with code 4001, so
// a browser can tell "pair again" from a network failure.
func (h *Hub) ServeHTTP(auth Authenticator) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token := tokenFromProtocols(r)
		if token == "" {
			token = device.TokenFrom(r)
		}
		d, err := auth.Authenticate(r.Context(), token)
		if err != nil {
			h.opts.Logger.Error("push: authenticating a connection", "err", err)
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
			return
		}
		conn, err := h.upgrader.Upgrade(w, r, nil)
		if err != nil {
			return // the upgrader has answered
		}
		if d == nil {
			h.metrics.refused.Inc()
			msg := websocket.FormatCloseMessage(CloseUnauthorized, "pair this device again")
			_ = conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(time.Second))
			_ = conn.Close()
			return
		}
		h.run(conn, *d, r.RemoteAddr, r.URL.RawQuery)
	}
}

// run registers the connection, greets the device (the kind's handler,
// then the AfterConnect hooks) and hands reading to a goroutine of its
// own, so the HTTP handler's goroutine, with the stack it grew while
// authenticating, ends here.
func (h *Hub) run(conn *websocket.Conn, d device.Device, remote, query string) {
	if tc, ok := conn.NetConn().(*net.TCPConn); ok && h.opts.SendBuffer > 0 {
		_ = tc.SetWriteBuffer(h.opts.SendBuffer)
	}
	c := &Client{Device: d, Remote: remote, Query: query, ConnectedAt: time.Now(), hub: h, conn: conn}
	if sc, ok := conn.NetConn().(syscall.Conn); ok {
		c.raw, _ = sc.SyscallConn()
	}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		_ = conn.Close()
		return
	}
	if old := h.byDevice[d.ID]; old != nil {
		old.Close(CloseReplaced, "connected again")
	}
	h.clients[c] = struct{}{}
	h.byDevice[d.ID] = c
	c.bucket = h.nextSlot % wheelSlots
	h.nextSlot++
	h.storm.opened++
	h.storm.last = c.ConnectedAt
	h.startWheel()
	hd := h.handlers[d.Kind]
	hooks := h.onConn
	h.wg.Add(1)
	h.mu.Unlock()
	h.metrics.connections.WithLabelValues(string(d.Kind)).Inc()

	if hd != nil {
		hd.Connected(c)
	}
	for _, f := range hooks {
		f(c)
	}
	go h.serveClient(c, hd)
}

// serveClient reads the client until its connection ends, then forgets it.
func (h *Hub) serveClient(c *Client, hd Handler) {
	defer h.wg.Done()
	c.readPump(hd)
	h.mu.Lock()
	delete(h.clients, c)
	if h.byDevice[c.Device.ID] == c {
		delete(h.byDevice, c.Device.ID)
	}
	h.mu.Unlock()
	h.metrics.connections.WithLabelValues(string(c.Device.Kind)).Dec()
	if hd != nil {
		hd.Disconnected(c)
	}
}

func tokenFromProtocols(r *http.Request) string {
	for _, p := range websocket.Subprotocols(r) {
		if t, ok := strings.CutPrefix(p, "bearer."); ok {
			return t
		}
	}
	return ""
}

// checkOrigin admits requests without an Origin (not a browser), from the
// request's own host, or from an allowed origin.
func (h *Hub) checkOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil {
		return false
	}
	if strings.EqualFold(u.Host, r.Host) {
		return true
	}
	for _, a := range h.opts.AllowedOrigins {
		if strings.EqualFold(strings.TrimRight(a, "/"), origin) {
			return true
		}
	}
	h.metrics.refused.Inc()
	return false
}
