package push_test

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"net/http/httptest"

	"github.com/gorilla/websocket"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/push"
)

// tokenDevices authenticates "t<N>" as screen N, so a benchmark can open
// many connections without pairing each.
type tokenDevices struct{}

func (tokenDevices) Authenticate(_ context.Context, tok string) (*device.Device, error) {
	n, err := strconv.ParseInt(strings.TrimPrefix(tok, "t"), 10, 64)
	if err != nil {
		return nil, nil
	}
	return &device.Device{ID: n, Kind: device.KindScreen, Name: tok}, nil
}

// BenchmarkEncodeEmergency is the cost of encoding one 200-byte emergency
// once, as a broadcast does.
func BenchmarkEncodeEmergency(b *testing.B) {
	data := map[string]any{"id": "em-1", "text": strings.Repeat("紧急", 33), "level": "critical", "expires_at": time.Now()}
	for b.Loop() {
		raw, err := push.Encode(push.TypeEmergency, "em-1", data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := websocket.NewPreparedMessage(websocket.TextMessage, raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBroadcast500 broadcasts to 500 real WebSocket connections and
// waits until every one has read the frame; ns/op is publish →
// delivered-to-all.
func BenchmarkBroadcast500(b *testing.B) {
	const n = 500
	hub := push.NewHub(push.Options{})
	srv := httptest.NewServer(hub.ServeHTTP(tokenDevices{}))
	defer srv.Close()
	defer hub.Shutdown(context.Background())
	var wg sync.WaitGroup
	got := make(chan struct{}, n)
	url := "ws" + strings.TrimPrefix(srv.URL, "http")
	conns := make([]*websocket.Conn, n)
	for i := range conns {
		d := websocket.Dialer{Subprotocols: []string{push.Subprotocol, "bearer.t" + strconv.Itoa(i+1)}}
		c, _, err := d.Dial(url, nil)
		if err != nil {
			b.Fatal(err)
		}
		conns[i] = c
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				if _, _, err := c.ReadMessage(); err != nil {
					return
				}
				got <- struct{}{}
			}
		}()
	}
	for hub.Count() < n {
		time.Sleep(time.Millisecond)
	}
	text := strings.Repeat("紧急", 33)
	b.ResetTimer()
	for b.Loop() {
		if _, err := hub.Broadcast(push.TypeEmergency, "em-1", map[string]string{"text": text}, nil); err != nil {
			b.Fatal(err)
		}
		for range n {
			<-got
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "deliveries/s")
	for _, c := range conns {
		c.Close()
	}
	wg.Wait()
}
