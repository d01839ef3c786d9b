package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server"
)

// emScreen pairs a screen in groups through the screens domain, as the
// admin screens page does, and returns its device ID and token.
func emScreen(t *testing.T, app *server.App, name string, groups ...int64) (int64, string) {
	t.Helper()
	ctx := context.Background()
	req, err := app.Devices.RequestPairing(ctx, device.KindScreen, "test", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := app.Display.PairScreen(ctx, audit.Actor{Name: "test"}, app.Devices, req.Code,
		display.ScreenInput{Name: name, Profile: display.Presets["strip_256x32"], Groups: groups})
	if err != nil {
		t.Fatal(err)
	}
	st, err := app.Devices.Claim(ctx, req.Code, req.Claim)
	if err != nil || st.Token == "" {
		t.Fatalf("claim: %+v %v", st, err)
	}
	return sc.DeviceID, st.Token
}

// emGroup creates a screen group.
func emGroup(t *testing.T, app *server.App, name string) int64 {
	t.Helper()
	g, err := app.Display.CreateGroup(context.Background(), audit.Actor{Name: "test"}, display.GroupInput{Name: name, Kind: display.GroupHall})
	if err != nil {
		t.Fatal(err)
	}
	return g.ID
}

// emDial connects a screen's WebSocket like the display page does.
func emDial(t *testing.T, baseURL, token string) *websocket.Conn {
	t.Helper()
	d := websocket.Dialer{Subprotocols: []string{push.Subprotocol, "bearer." + token}, HandshakeTimeout: 5 * time.Second}
	conn, _, err := d.Dial("ws"+strings.TrimPrefix(baseURL, "http")+"/ws", http.Header{"Origin": {baseURL}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// emWait reads frames until one of type typ arrives (hello, playlist and
// the rest are skipped) and returns it.
func emWait(t *testing.T, conn *websocket.Conn, typ string) push.Message {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, b, err := conn.ReadMessage()
		if err != nil {
			t.Fatalf("waiting for %s: %v", typ, err)
		}
		m, err := push.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		if m.Type == typ {
			return m
		}
	}
}

// emAck acknowledges a message.
func emAck(t *testing.T, conn *websocket.Conn, id string) {
	t.Helper()
	b, _ := push.Encode(push.TypeAck, id, nil)
	if err := conn.WriteMessage(websocket.TextMessage, b); err != nil {
		t.Fatal(err)
	}
}
