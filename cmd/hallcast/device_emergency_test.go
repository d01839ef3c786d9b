package main

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/emergency"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// With the server running and 302 screens connected, `hallcast device add
// --count 5` in another process pairs 5 more on the same database; the
// next all-screens emergency targets all 307, reaches the 5 new connected
// screens and lists them in its receipts (issue 15, point 3: on SQLite the
// directory kept its list of 302, since another process publishes no
// change event).
func TestDeviceAddWhileServingReachesAllScreens(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		ctx := context.Background()
		const before, added = 302, 5
		for i := range before {
			tok := pairScreen(t, s.App.Devices, s.App.Display, "大厅屏-"+itoa(i))
			waitHello(t, dialScreen(t, s.URL, tok))
		}

		// An all-screens emergency while the 302 are the whole directory.
		first, err := s.App.Emergencies.Send(ctx, audit.Actor{Name: "t"}, emergency.Input{Text: "消防演练", Level: "info",
			All: true, ExpiresAt: s.Clock.Now().Add(time.Hour)})
		if err != nil || first.TargetCount != before {
			t.Fatalf("first emergency: %+v %v", first, err)
		}
		if _, err := s.App.Emergencies.Clear(ctx, audit.Actor{Name: "t"}, first.ID); err != nil {
			t.Fatal(err)
		}

		// The CLI in a process of its own, on the server's database.
		tokens := filepath.Join(t.TempDir(), "tokens.txt")
		args := []string{"device", "add", "--kind", "screen", "--count", itoa(added), "--tokens-file", tokens,
			"--name-prefix", "新增屏-", "--data-dir", s.Cfg.DataDir}
		if d == store.Postgres {
			args = append(args, "--database-url", s.Cfg.DatabaseURL)
		}
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), "HALLCAST_TEST_AS_MAIN=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("hallcast device add: %v\n%s", err, out)
		}
		b, err := os.ReadFile(tokens)
		if err != nil {
			t.Fatal(err)
		}
		var fresh []*websocket.Conn
		for _, tok := range strings.Fields(string(b)) {
			c := dialScreen(t, s.URL, tok)
			waitHello(t, c)
			fresh = append(fresh, c)
		}
		if len(fresh) != added {
			t.Fatalf("%d tokens from device add", len(fresh))
		}

		em, err := s.App.Emergencies.Send(ctx, audit.Actor{Name: "t"}, emergency.Input{Text: "全体屏幕：大厅临时关闭", Level: "critical",
			All: true, ExpiresAt: s.Clock.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if em.TargetCount != before+added {
			t.Errorf("targets=%d, want %d", em.TargetCount, before+added)
		}
		mid := emergency.MessageID(em.ID)
		for i, c := range fresh {
			if m := waitFrame(t, c, push.TypeEmergency); m.ID != mid {
				t.Fatalf("new screen %d got %+v", i, m)
			}
			b, _ := push.Encode(push.TypeAck, mid, nil)
			if err := c.WriteMessage(websocket.TextMessage, b); err != nil {
				t.Fatal(err)
			}
		}
		var r *emergency.Receipts
		for end := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			s.App.Emergencies.Flush()
			if r, err = s.App.Emergencies.Receipts(ctx, em.ID); err != nil {
				t.Fatal(err)
			}
			if r.Confirmed == added || time.Now().After(end) {
				break
			}
		}
		if r.Targets != before+added || r.Confirmed != added || len(r.Offline) != 0 || len(r.Unconfirmed) != before {
			t.Fatalf("receipts: targets %d, confirmed %d, unconfirmed %d, offline %d", r.Targets, r.Confirmed, len(r.Unconfirmed), len(r.Offline))
		}
	})
}

// pairScreen pairs a screen through the server's services, as the admin
// screens page does, and returns its token.
func pairScreen(t *testing.T, devs *device.Service, screens *display.Service, name string) string {
	t.Helper()
	ctx := context.Background()
	req, err := devs.RequestPairing(ctx, device.KindScreen, "test", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := screens.PairScreen(ctx, audit.Actor{Name: "test"}, devs, req.Code, display.ScreenInput{Name: name, Profile: display.Presets["strip_256x32"]}); err != nil {
		t.Fatal(err)
	}
	st, err := devs.Claim(ctx, req.Code, req.Claim)
	if err != nil {
		t.Fatal(err)
	}
	return st.Token
}

// dialScreen connects a screen's WebSocket like the display page does.
func dialScreen(t *testing.T, baseURL, token string) *websocket.Conn {
	t.Helper()
	d := websocket.Dialer{Subprotocols: []string{push.Subprotocol, "bearer." + token}, HandshakeTimeout: 10 * time.Second}
	conn, _, err := d.Dial("ws"+strings.TrimPrefix(baseURL, "http")+"/ws", http.Header{"Origin": {baseURL}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func waitHello(t *testing.T, c *websocket.Conn) { t.Helper(); waitFrame(t, c, push.TypeHello) }

// waitFrame reads frames until one of type typ arrives.
func waitFrame(t *testing.T, conn *websocket.Conn, typ string) push.Message {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(15 * time.Second))
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

func itoa(n int) string { return strconv.Itoa(n) }
