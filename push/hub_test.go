package push_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// recorder is a handler that greets and remembers what it receives.
type recorder struct {
	mu       sync.Mutex
	received []push.Message
	gone     int
}

func (r *recorder) Connected(c *push.Client) {
	c.Hub().Send(c, push.TypeHello, "", map[string]any{"device": c.Device.ID, "name": c.Device.Name})
}

func (r *recorder) Received(c *push.Client, m push.Message) {
	r.mu.Lock()
	r.received = append(r.received, m)
	r.mu.Unlock()
}

func (r *recorder) Disconnected(c *push.Client) {
	r.mu.Lock()
	r.gone++
	r.mu.Unlock()
}

type fixture struct {
	db   *store.DB
	devs *device.Service
	hub  *push.Hub
	srv  *httptest.Server
	rec  *recorder
}

func setup(t *testing.T, o push.Options) *fixture {
	t.Helper()
	db := storetest.SQLite(t, audit.Migrations, auth.Migrations, device.Migrations)
	f := &fixture{db: db, devs: device.New(db, device.Options{}), hub: push.NewHub(o), rec: &recorder{}}
	f.hub.Handle(device.KindScreen, f.rec)
	f.srv = httptest.NewServer(f.hub.ServeHTTP(f.devs))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		f.hub.Shutdown(ctx)
		f.srv.Close()
	})
	sub := db.Bus().Subscribe(device.Topic)
	go f.hub.FollowDevices(sub)
	t.Cleanup(sub.Close)
	return f
}

// pair makes a paired screen and returns its id and token.
func (f *fixture) pair(t *testing.T, name string) (int64, string) {
	t.Helper()
	ctx := context.Background()
	req, err := f.devs.RequestPairing(ctx, device.KindScreen, "test", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	var d *device.Device
	if err := f.db.Tx(ctx, func(tx *store.Tx) error {
		d, err = f.devs.Pair(ctx, tx, audit.Actor{Name: "test"}, req.Code, name, device.KindScreen)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	st, err := f.devs.Claim(ctx, req.Code, req.Claim)
	if err != nil || st.Token == "" {
		t.Fatalf("claim: %+v %v", st, err)
	}
	return d.ID, st.Token
}

func (f *fixture) dial(t *testing.T, token string, header http.Header) *websocket.Conn {
	t.Helper()
	conn, err := f.tryDial(token, header)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func (f *fixture) tryDial(token string, header http.Header) (*websocket.Conn, error) {
	d := websocket.Dialer{Subprotocols: []string{push.Subprotocol, "bearer." + token}, HandshakeTimeout: 5 * time.Second}
	conn, _, err := d.Dial("ws"+strings.TrimPrefix(f.srv.URL, "http"), header)
	return conn, err
}

func read(t *testing.T, conn *websocket.Conn) push.Message {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, b, err := conn.ReadMessage()
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	m, err := push.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// closeCode reads until the connection closes and returns the close code.
func closeCode(t *testing.T, conn *websocket.Conn) int {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		_, _, err := conn.ReadMessage()
		if err != nil {
			if ce, ok := err.(*websocket.CloseError); ok {
				return ce.Code
			}
			return -1
		}
	}
}

func TestHelloBroadcastAndAck(t *testing.T) {
	f := setup(t, push.Options{})
	id1, tok1 := f.pair(t, "大厅一号屏")
	_, tok2 := f.pair(t, "二号屏")
	c1, c2 := f.dial(t, tok1, nil), f.dial(t, tok2, nil)
	if c1.Subprotocol() != push.Subprotocol {
		t.Fatalf("subprotocol %q", c1.Subprotocol())
	}
	hello := read(t, c1)
	var h struct{ Device int64 }
	json.Unmarshal(hello.Data, &h)
	if hello.Type != push.TypeHello || h.Device != id1 {
		t.Fatalf("hello: %+v", hello)
	}
	read(t, c2)
	n, err := f.hub.Broadcast(push.TypeEmergency, "e-1", map[string]string{"text": "紧急通知"}, nil)
	if err != nil || n != 2 {
		t.Fatalf("broadcast queued %d, %v", n, err)
	}
	for _, c := range []*websocket.Conn{c1, c2} {
		if m := read(t, c); m.Type != push.TypeEmergency || m.ID != "e-1" {
			t.Fatalf("got %+v", m)
		}
	}
	ack, _ := push.Encode(push.TypeAck, "e-1", nil)
	c1.WriteMessage(websocket.TextMessage, ack)
	waitFor(t, func() bool {
		f.rec.mu.Lock()
		defer f.rec.mu.Unlock()
		return len(f.rec.received) == 1 && f.rec.received[0].Type == push.TypeAck && f.rec.received[0].ID == "e-1"
	})
	// A broadcast to a subset.
	n, _ = f.hub.Broadcast(push.TypeReload, "", nil, func(c *push.Client) bool { return c.Device.ID == id1 })
	if n != 1 {
		t.Fatalf("filtered broadcast queued %d", n)
	}
	if m := read(t, c1); m.Type != push.TypeReload {
		t.Fatalf("got %+v", m)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if cond() {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("condition not met within 5s")
}

func TestMissingOrRevokedTokenIsRefused(t *testing.T) {
	f := setup(t, push.Options{})
	if code := closeCode(t, f.dial(t, "", nil)); code != push.CloseUnauthorized {
		t.Fatalf("no token: close %d", code)
	}
	if code := closeCode(t, f.dial(t, "forged-token", nil)); code != push.CloseUnauthorized {
		t.Fatalf("forged token: close %d", code)
	}
	id, tok := f.pair(t, "屏")
	conn := f.dial(t, tok, nil)
	read(t, conn)
	if err := f.devs.Revoke(context.Background(), audit.Actor{Name: "test"}, id, "stolen"); err != nil {
		t.Fatal(err)
	}
	if code := closeCode(t, conn); code != push.CloseUnauthorized {
		t.Fatalf("revoked while connected: close %d", code)
	}
	if code := closeCode(t, f.dial(t, tok, nil)); code != push.CloseUnauthorized {
		t.Fatalf("revoked token: close %d", code)
	}
}

func TestBadFramesCloseOnlyThatConnection(t *testing.T) {
	f := setup(t, push.Options{ReadLimit: 1024})
	_, tokA := f.pair(t, "A")
	_, tokB := f.pair(t, "B")
	_, tokC := f.pair(t, "C")
	a, b, c := f.dial(t, tokA, nil), f.dial(t, tokB, nil), f.dial(t, tokC, nil)
	read(t, a)
	read(t, b)
	read(t, c)
	a.WriteMessage(websocket.TextMessage, []byte("{not json"))
	if code := closeCode(t, a); code != push.CloseBadMessage {
		t.Fatalf("malformed: close %d", code)
	}
	big, _ := push.Encode(push.TypeHeartbeat, "", map[string]string{"pad": strings.Repeat("x", 4096)})
	b.WriteMessage(websocket.TextMessage, big)
	if code := closeCode(t, b); code != websocket.CloseMessageTooBig {
		t.Fatalf("oversized: close %d", code)
	}
	f.hub.Broadcast(push.TypeNotice, "", map[string]int{"id": 1}, nil)
	if m := read(t, c); m.Type != push.TypeNotice {
		t.Fatalf("healthy client got %+v", m)
	}
}

func TestSlowConsumerIsDroppedWithoutDelayingOthers(t *testing.T) {
	f := setup(t, push.Options{SendQueue: 4})
	_, tokSlow := f.pair(t, "slow")
	_, tokFast := f.pair(t, "fast")
	slow, fast := f.dial(t, tokSlow, nil), f.dial(t, tokFast, nil)
	read(t, slow)
	read(t, fast)
	payload := map[string]string{"pad": strings.Repeat("公", 40000)} // ~120 KB a frame
	got := make(chan int, 1)
	go func() {
		n := 0
		for {
			fast.SetReadDeadline(time.Now().Add(10 * time.Second))
			if _, _, err := fast.ReadMessage(); err != nil {
				break
			}
			if n++; n == 200 {
				break
			}
		}
		got <- n
	}()
	for i := 0; i < 200; i++ {
		f.hub.Broadcast(push.TypeNotice, "", payload, nil)
		time.Sleep(time.Millisecond) // let the fast reader keep up; the slow one never reads
	}
	if n := <-got; n != 200 {
		t.Fatalf("fast client received %d of 200", n)
	}
	waitFor(t, func() bool { return len(f.hub.Clients(nil)) == 1 })
	if cs := f.hub.Clients(nil); cs[0].Device.Name != "fast" {
		t.Fatalf("remaining client %s", cs[0].Device.Name)
	}
}

func TestOriginAllowlist(t *testing.T) {
	f := setup(t, push.Options{AllowedOrigins: []string{"https://hall.example.gov.cn"}})
	_, tok := f.pair(t, "s")
	if _, err := f.tryDial(tok, http.Header{"Origin": {"https://evil.example"}}); err == nil {
		t.Fatal("foreign origin accepted")
	}
	conn := f.dial(t, tok, http.Header{"Origin": {"https://hall.example.gov.cn"}})
	read(t, conn)
	conn2 := f.dial(t, tok, http.Header{"Origin": {f.srv.URL}})
	read(t, conn2)
	// The second connection of the same device replaced the first.
	if code := closeCode(t, conn); code != push.CloseReplaced {
		t.Fatalf("replaced connection: close %d", code)
	}
}

func TestShutdownSendsGoingAway(t *testing.T) {
	f := setup(t, push.Options{})
	_, tok := f.pair(t, "s")
	conn := f.dial(t, tok, nil)
	read(t, conn)
	go f.hub.Shutdown(context.Background())
	if code := closeCode(t, conn); code != websocket.CloseGoingAway {
		t.Fatalf("shutdown: close %d", code)
	}
}

func TestAckIDs(t *testing.T) {
	for _, c := range []struct {
		m    push.Message
		want string
	}{
		{push.Message{Type: push.TypeAck, ID: "em-1"}, "em-1"},
		{push.Message{Type: push.TypeAck, ID: "em-1", Data: []byte(`{"ids":["em-2","","em-3"]}`)}, "em-1,em-2,em-3"},
		{push.Message{Type: push.TypeAck, Data: []byte(`{"ids":["em-2"]}`)}, "em-2"},
		{push.Message{Type: push.TypeAck, ID: "em-1", Data: []byte(`{"ids":"em-2"}`)}, ""},
		{push.Message{Type: push.TypeAck}, ""},
	} {
		if got := strings.Join(push.AckIDs(c.m), ","); got != c.want {
			t.Errorf("AckIDs(%s %s) = %q, want %q", c.m.ID, c.m.Data, got, c.want)
		}
	}
}
