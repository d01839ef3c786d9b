//go:build linux

package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestScreensSpeakTheProtocol runs the load command's raw screens against
// a gorilla server: the handshake with the token, frames of every length
// class, a ping, and masked acks the server can read.
func TestScreensSpeakTheProtocol(t *testing.T) {
	long := strings.Repeat("字", 30_000) // 90,000 bytes: a 64-bit length
	got := make(chan string, 8)
	up := websocket.Upgrader{Subprotocols: []string{"hallcast.v1"}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Sec-WebSocket-Protocol"), "bearer.tok-1") {
			http.Error(w, "no token", http.StatusUnauthorized)
			return
		}
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		c.SetPongHandler(func(s string) error { got <- "pong:" + s; return nil })
		_ = c.WriteMessage(websocket.TextMessage, []byte(`{"v":1,"type":"hello"}`))
		_ = c.WriteControl(websocket.PingMessage, []byte("p1"), time.Now().Add(time.Second))
		_ = c.WriteMessage(websocket.TextMessage, []byte(`{"v":1,"type":"emergency","id":"em-7","data":{"text":"`+strings.Repeat("火", 100)+`"}}`))
		_ = c.WriteMessage(websocket.TextMessage, []byte(`{"v":1,"type":"emergency","id":"em-8","data":{"text":"`+long+`"}}`))
		_ = c.WriteMessage(websocket.TextMessage, []byte(`{"v":1,"type":"emergency_clear","id":"em-7"}`))
		for range 1 {
			_, b, err := c.ReadMessage()
			if err != nil {
				got <- "error:" + err.Error()
				return
			}
			got <- string(b)
		}
		_, _, _ = c.ReadMessage() // until the client goes
	}))
	defer srv.Close()

	rec := newRecorder()
	o := options{url: srv.URL, sources: 1, concurrency: 1, pollers: 1, ack: true, ackMin: 300 * time.Millisecond, ackMax: 300 * time.Millisecond}
	f, err := dial(context.Background(), o, []string{"tok-1"}, 0, rec)
	if err != nil {
		t.Fatal(err)
	}
	defer f.close()
	want := map[string]bool{
		"pong:p1": true,
		// Both arrive within the ack's wait: one frame acks them.
		`{"v":1,"type":"ack","id":"em-7","data":{"ids":["em-8"]}}`: true,
	}
	for range want {
		select {
		case m := <-got:
			if !want[m] {
				t.Fatalf("server read %.80q", m)
			}
			delete(want, m)
		case <-time.After(10 * time.Second):
			t.Fatalf("the server did not read %v", want)
		}
	}
	if !waitUntil(5*time.Second, func() bool { return rec.clears("em-7") == 1 }) {
		t.Fatal("the clear was not recorded")
	}
	if f.hello.Load() != 1 || f.pings.Load() != 1 || rec.count("em-7") != 1 || rec.count("em-8") != 1 {
		t.Fatalf("hello %d, pings %d, em-7 %d, em-8 %d", f.hello.Load(), f.pings.Load(), rec.count("em-7"), rec.count("em-8"))
	}
	if all, _ := f.open(); all != 1 || f.disconnected.Load() != 0 {
		t.Fatalf("open %d, disconnected %d", all, f.disconnected.Load())
	}
}

// TestRefusedScreenSaysWhy: a handshake the server refuses names its
// status line.
func TestRefusedScreenSaysWhy(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	o := options{url: srv.URL, sources: 1, concurrency: 1, pollers: 1}
	f, err := dial(context.Background(), o, []string{"x"}, 0, newRecorder())
	if err == nil || !strings.Contains(err.Error(), "503") {
		t.Fatalf("err = %v", err)
	}
	f.close()
}
