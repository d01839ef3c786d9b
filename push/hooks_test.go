package push_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/hallcast/hallcast/push"
)

// Hub hooks see every ack before the kind's handler, and run after the
// handler's Connected, so their frames follow hello.
func TestHubHooksAckAndAfterConnect(t *testing.T) {
	f := setup(t, push.Options{})
	acked := recordAcks(f)
	f.hub.AfterConnect(func(c *push.Client) {
		c.Hub().Send(c, push.TypeEmergency, "em-1", map[string]string{"text": "火警"})
	})
	_, tok := f.pair(t, "屏")
	conn := f.dial(t, tok, nil)
	if m := read(t, conn); m.Type != push.TypeHello {
		t.Fatalf("first frame %+v", m)
	}
	if m := read(t, conn); m.Type != push.TypeEmergency || m.ID != "em-1" {
		t.Fatalf("second frame %+v", m)
	}
	ack, _ := push.Encode(push.TypeAck, "em-1", nil)
	conn.WriteMessage(websocket.TextMessage, ack)
	waitFor(t, func() bool {
		acks := acked()
		return len(acks) == 1 && acks[0] == "em-1"
	})
	waitFor(t, func() bool {
		f.rec.mu.Lock()
		defer f.rec.mu.Unlock()
		return len(f.rec.received) == 1
	})
}

// An ack frame names one message in "id" and may name more in data.ids;
// the ack hooks hear each, and no more than push.MaxAckIDs of them.
func TestOneAckFrameAcknowledgesSeveral(t *testing.T) {
	f := setup(t, push.Options{})
	acked := recordAcks(f)
	_, tok := f.pair(t, "大厅一号屏")
	c := f.dial(t, tok, nil)
	read(t, c) // hello
	var many []string
	for i := range 40 {
		many = append(many, fmt.Sprintf("em-%d", 10+i))
	}
	for _, frame := range []struct {
		id   string
		data any
	}{{"em-1", map[string][]string{"ids": {"em-2", "em-3"}}}, {"em-4", nil}, {"em-9", map[string][]string{"ids": many}}} {
		b, _ := push.Encode(push.TypeAck, frame.id, frame.data)
		if err := c.WriteMessage(websocket.TextMessage, b); err != nil {
			t.Fatal(err)
		}
	}
	want := append([]string{"em-1", "em-2", "em-3", "em-4", "em-9"}, many[:push.MaxAckIDs-1]...)
	waitFor(t, func() bool { return len(acked()) >= len(want) })
	time.Sleep(50 * time.Millisecond) // nothing beyond the cap arrives late
	if got := acked(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("acked %v\nwant %v", got, want)
	}
}

// recordAcks hooks the hub's acks and returns what they named so far.
func recordAcks(f *fixture) func() []string {
	var mu sync.Mutex
	var got []string
	f.hub.OnAck(func(_ *push.Client, id string) {
		mu.Lock()
		got = append(got, id)
		mu.Unlock()
	})
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), got...)
	}
}

// A binary frame closes that connection with 4002.
func TestBinaryFrameIsRefused(t *testing.T) {
	f := setup(t, push.Options{})
	_, tok := f.pair(t, "屏")
	conn := f.dial(t, tok, nil)
	read(t, conn)
	conn.WriteMessage(websocket.BinaryMessage, []byte{1, 2, 3})
	if code := closeCode(t, conn); code != push.CloseBadMessage {
		t.Fatalf("binary: close %d", code)
	}
}

// The shared ping wheel pings every connection; a client that answers
// stays, one that never reads (so never answers) is dropped at PongWait.
func TestPingsKeepReadersAndDropSilentPeers(t *testing.T) {
	f := setup(t, push.Options{PingInterval: 160 * time.Millisecond, PongWait: 500 * time.Millisecond})
	_, tokA := f.pair(t, "reader")
	_, tokB := f.pair(t, "silent")
	a, b := f.dial(t, tokA, nil), f.dial(t, tokB, nil)
	read(t, a)
	read(t, b)
	var mu sync.Mutex
	pings := 0
	a.SetPingHandler(func(s string) error {
		mu.Lock()
		pings++
		mu.Unlock()
		return a.WriteControl(websocket.PongMessage, []byte(s), time.Now().Add(time.Second))
	})
	go func() {
		for {
			a.SetReadDeadline(time.Now().Add(10 * time.Second))
			if _, _, err := a.ReadMessage(); err != nil {
				return
			}
		}
	}()
	// b never reads: its pongs never go out and the server drops it.
	waitFor(t, func() bool { return len(f.hub.Clients(nil)) == 1 })
	waitFor(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return pings >= 5
	})
	if cs := f.hub.Clients(nil); len(cs) != 1 || cs[0].Device.Name != "reader" {
		t.Fatalf("connected: %v", cs)
	}
}

// Broadcasts, kicks and new connections at the same time (run with -race).
func TestConcurrentBroadcastAndChurn(t *testing.T) {
	f := setup(t, push.Options{})
	var toks []string
	for i := 0; i < 6; i++ {
		_, tok := f.pair(t, "s")
		toks = append(toks, tok)
	}
	var wg sync.WaitGroup
	for _, tok := range toks {
		wg.Add(1)
		go func(tok string) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				conn, err := f.tryDial(tok, nil)
				if err != nil {
					return
				}
				conn.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
				conn.ReadMessage()
				conn.Close()
			}
		}(tok)
	}
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
				f.hub.Broadcast(push.TypeNotice, "", map[string]int{"id": 1}, nil)
			}
		}
	}()
	wg.Wait()
	close(stop)
	waitFor(t, func() bool { return f.hub.Count() == 0 })
}

// Frames larger than the socket's send buffer are written partly at once
// and finished by the writer; the peer reads them whole and in order.
func TestLargeFramesArriveWholeThroughASmallSendBuffer(t *testing.T) {
	f := setup(t, push.Options{SendBuffer: 4096})
	_, tok := f.pair(t, "屏")
	conn := f.dial(t, tok, nil)
	read(t, conn)
	for i := 0; i < 20; i++ {
		pad := strings.Repeat(string(rune('a'+i)), 50000)
		if _, err := f.hub.Broadcast(push.TypeNotice, "", map[string]string{"pad": pad}, nil); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 20; i++ {
		m := read(t, conn)
		var d struct{ Pad string }
		json.Unmarshal(m.Data, &d)
		if m.Type != push.TypeNotice || d.Pad != strings.Repeat(string(rune('a'+i)), 50000) {
			t.Fatalf("frame %d: %s %d bytes", i, m.Type, len(d.Pad))
		}
	}
	// A ping from the peer is answered by the writer too.
	pong := make(chan struct{}, 1)
	conn.SetPongHandler(func(string) error { pong <- struct{}{}; return nil })
	conn.WriteControl(websocket.PingMessage, []byte("x"), time.Now().Add(time.Second))
	go conn.ReadMessage()
	select {
	case <-pong:
	case <-time.After(5 * time.Second):
		t.Fatal("no pong")
	}
}

// A broadcast long after a ping (whose write deadline has passed) still
// reaches the client.
func TestBroadcastAfterAnOldPing(t *testing.T) {
	f := setup(t, push.Options{PingInterval: 80 * time.Millisecond, WriteWait: 20 * time.Millisecond})
	_, tok := f.pair(t, "屏")
	conn := f.dial(t, tok, nil)
	read(t, conn)
	pinged := make(chan struct{}, 100)
	conn.SetPingHandler(func(string) error { pinged <- struct{}{}; return nil })
	go func() {
		<-pinged
		<-pinged
		time.Sleep(50 * time.Millisecond) // the ping's write deadline (20 ms) has passed
		f.hub.Broadcast(push.TypeReload, "", nil, nil)
	}()
	if m := read(t, conn); m.Type != push.TypeReload {
		t.Fatalf("got %+v", m)
	}
	if f.hub.Count() != 1 {
		t.Fatal("connection dropped")
	}
}

// TestStormMemoryIsReleasedOnceItIsOver: after StormSize connections and
// StormQuiet without another, the hub returns the storm's garbage once,
// and not again until another storm.
func TestStormMemoryIsReleasedOnceItIsOver(t *testing.T) {
	reg := prometheus.NewRegistry()
	f := setup(t, push.Options{Registerer: reg, StormSize: 3, StormQuiet: 100 * time.Millisecond, PingInterval: 160 * time.Millisecond, PongWait: 5 * time.Second})
	releases := func() float64 {
		mfs, err := reg.Gather()
		if err != nil {
			t.Fatal(err)
		}
		for _, mf := range mfs {
			if mf.GetName() == "hallcast_push_storm_releases_total" {
				return mf.GetMetric()[0].GetCounter().GetValue()
			}
		}
		return 0
	}
	for i := range 2 {
		_, tok := f.pair(t, fmt.Sprintf("屏%d", i))
		read(t, f.dial(t, tok, nil))
	}
	time.Sleep(400 * time.Millisecond)
	if n := releases(); n != 0 {
		t.Fatalf("released %v times after 2 connections (storm size 3)", n)
	}
	_, tok := f.pair(t, "屏2")
	read(t, f.dial(t, tok, nil))
	waitFor(t, func() bool { return releases() == 1 })
	time.Sleep(400 * time.Millisecond)
	if n := releases(); n != 1 {
		t.Fatalf("released %v times for one storm", n)
	}
}
