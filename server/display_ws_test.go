package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// pairScreen pairs a screen through the screens page's API and returns
// its device ID and token.
func pairScreen(t *testing.T, s *servertest.Server, admin *servertest.Client, name, preset string, groups []int64) (int64, string) {
	t.Helper()
	dev := s.Client(t)
	var req struct{ Code, Claim string }
	res := dev.Do("POST", "/api/device/pair", map[string]string{"kind": "screen", "info": "test"})
	if res.Status != http.StatusCreated {
		t.Fatalf("pair request: %d %s", res.Status, res.Body)
	}
	res.JSON(t, &req)
	body := map[string]any{"code": req.Code, "name": name, "profile": display.Presets[preset], "groups": groups}
	post(t, admin, "/api/admin/screens/pair", body, http.StatusCreated)
	var st struct {
		State, Token string
		Device       struct{ ID int64 }
	}
	dev.Do("POST", "/api/device/pair/claim", map[string]string{"code": req.Code, "claim": req.Claim}).JSON(t, &st)
	if st.State != "paired" || st.Token == "" {
		t.Fatalf("claim: %+v", st)
	}
	return st.Device.ID, st.Token
}

// screenConn is a screen's WebSocket, read with a real gorilla client.
type screenConn struct {
	t    *testing.T
	conn *websocket.Conn
}

func dialScreen(t *testing.T, s *servertest.Server, token, have string) *screenConn {
	t.Helper()
	u := "ws" + strings.TrimPrefix(s.URL, "http") + "/ws"
	if have != "" {
		u += "?have=" + have
	}
	d := websocket.Dialer{Subprotocols: []string{push.Subprotocol, "bearer." + token}}
	conn, _, err := d.Dial(u, http.Header{"Origin": {s.URL}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return &screenConn{t: t, conn: conn}
}

// next returns the next hello, playlist or power frame (the deadline
// only guards against a hang).
func (c *screenConn) next() push.Message {
	c.t.Helper()
	for {
		_ = c.conn.SetReadDeadline(time.Now().Add(15 * time.Second))
		_, b, err := c.conn.ReadMessage()
		if err != nil {
			c.t.Fatalf("read: %v", err)
		}
		var m push.Message
		if err := json.Unmarshal(b, &m); err != nil {
			c.t.Fatal(err)
		}
		switch m.Type {
		case push.TypeHello, push.TypePlaylist, push.TypePower:
			return m
		}
	}
}

// nextOf returns the next frame of type typ, skipping others.
func (c *screenConn) nextOf(typ string) push.Message {
	c.t.Helper()
	for {
		_ = c.conn.SetReadDeadline(time.Now().Add(15 * time.Second))
		var m push.Message
		if err := c.conn.ReadJSON(&m); err != nil {
			c.t.Fatalf("waiting for %s: %v", typ, err)
		}
		if m.Type == typ {
			return m
		}
		if m.Type == push.TypePlaylist {
			c.t.Fatalf("got a playlist while waiting for %s: %s", typ, m.Data)
		}
	}
}

func (c *screenConn) playlist() display.Frame {
	c.t.Helper()
	m := c.next()
	if m.Type != push.TypePlaylist {
		c.t.Fatalf("got %s %s, want a playlist", m.Type, m.Data)
	}
	var f display.Frame
	if err := json.Unmarshal(m.Data, &f); err != nil {
		c.t.Fatal(err)
	}
	return f
}

func frameKeys(f display.Frame) string {
	var ks []string
	for _, it := range f.Items {
		ks = append(ks, it.Key)
	}
	return strings.Join(ks, ",")
}

func TestScreenPushOverWebSocket(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		// The dayparts below start at 09:00 on any day.
		nine := setClockTo(s, 9, 0)
		s.User(t, "root", auth.RoleAdmin)
		admin := s.Login(t, "root", "root-password-1")
		var g struct{ ID int64 }
		post(t, admin, "/api/admin/screen-groups", map[string]string{"name": "一楼大厅", "kind": "hall"}, http.StatusCreated).JSON(t, &g)
		id, token := pairScreen(t, s, admin, "一楼东侧条屏", "strip_256x32", []int64{g.ID})

		c := dialScreen(t, s, token, "")
		hello := c.next()
		var h display.Hello
		_ = json.Unmarshal(hello.Data, &h)
		if hello.Type != push.TypeHello || h.ID != id || h.Profile.Width != 256 || len(h.Groups) != 1 || h.Groups[0].Name != "一楼大厅" ||
			h.TimeZone != "Asia/Shanghai" || h.HeartbeatSeconds != 30 {
			t.Fatalf("hello: %s %s", hello.Type, hello.Data)
		}
		// The screen follows the server's clock: now with the hall's
		// offset, and today in the hall.
		now := s.Clock.Now().In(s.Cfg.TimeZone)
		if !h.Now.Equal(now) || !strings.Contains(string(hello.Data), `"now":"`+now.Format(time.RFC3339)+`"`) ||
			h.Today != now.Format(time.DateOnly) {
			t.Fatalf("hello's clock %s, want now %s", hello.Data, now.Format(time.RFC3339))
		}
		f1 := c.playlist()
		if f1.Playlist.ID != 0 || frameKeys(f1) != "w-clock" {
			t.Fatalf("first playlist: %+v", f1)
		}

		// A notice for another group changes nothing here: no playlist is
		// sent (the next frame is the one of the following notice).
		var other struct{ ID int64 }
		post(t, admin, "/api/admin/screen-groups", map[string]string{"name": "二楼", "kind": "floor"}, http.StatusCreated).JSON(t, &other)
		p := newPublisher(t, s)
		p.publish(map[string]any{"title": "二楼通知", "body": "只在二楼。", "kind": "notification", "category_id": p.category("TZGG"),
			"all_screens": false, "groups": []int64{other.ID}})
		// A notice published for the screen's group arrives as a new playlist.
		n := p.publish(map[string]any{"title": "停水通知", "body": "今天下午停水。", "led_text": "今天下午三点停水",
			"kind": "notification", "category_id": p.category("TZGG"), "all_screens": false, "groups": []int64{g.ID}})
		f2 := c.playlist()
		if frameKeys(f2) != "n"+itoa(n)+",w-clock" || f2.Version == f1.Version || f2.Items[0].Notice.LEDText != "今天下午三点停水" {
			t.Fatalf("after publishing: %+v", f2)
		}

		// A correction of that notice (same strip text) is patched in place
		// with a "notice" frame; the rotation goes on.
		body := map[string]any{"title": "停水通知", "body": "今天下午两点至五点停水。", "led_text": "今天下午三点停水",
			"kind": "notification", "category_id": p.category("TZGG"), "all_screens": false, "groups": []int64{g.ID}}
		if res := p.ed.Do("PUT", "/api/admin/notices/"+itoa(n), body); res.Status != http.StatusOK {
			t.Fatalf("edit: %d %s", res.Status, res.Body)
		}
		p.approve(n)
		if m := c.nextOf(push.TypeNotice); !strings.Contains(string(m.Data), "两点至五点") {
			t.Fatalf("correction: %s", m.Data)
		}
		cur, err := s.App.Display.Playlist(t.Context(), id, s.Clock.Now())
		if err != nil || cur.Version == f2.Version {
			t.Fatalf("version after the correction: %v", err)
		}

		// Reconnecting with the version it has: hello, and no playlist. The
		// next frame is the playlist of the next change.
		c.conn.Close()
		c = dialScreen(t, s, token, cur.Version)
		if m := c.next(); m.Type != push.TypeHello {
			t.Fatalf("got %s, want hello", m.Type)
		}
		var pl struct{ ID int64 }
		post(t, admin, "/api/admin/screens/playlists", map[string]any{"name": "上午",
			"items": []map[string]any{{"type": "ticker", "text": "欢迎光临"}}}, http.StatusCreated).JSON(t, &pl)
		post(t, admin, "/api/admin/screens/schedules", map[string]any{"playlist_id": pl.ID, "group_id": g.ID,
			"weekdays": []int{1, 2, 3, 4, 5, 6, 7}, "start": "09:00", "end": "09:30"}, http.StatusCreated)
		f3 := c.playlist()
		if f3.Playlist.ID != pl.ID || frameKeys(f3) != "w-ticker-1" {
			t.Fatalf("after scheduling (a stale playlist came first?): %+v", f3)
		}
		if want := nine.Add(30 * time.Minute); !f3.ValidUntil.Equal(want) {
			t.Fatalf("valid until %v, want %v", f3.ValidUntil, want)
		}

		// At 09:30 the daypart ends: the default rotation comes back then,
		// its items ending when the daypart starts again (it runs every day:
		// tomorrow at 09:00), so that a screen keeps to it offline.
		s.Clock.Set(nine.Add(30 * time.Minute))
		f4 := c.playlist()
		tomorrow9 := nine.AddDate(0, 0, 1)
		if f4.Playlist.ID != 0 || frameKeys(f4) != frameKeys(*cur) || f4.Items[0].End == nil || !f4.Items[0].End.Equal(tomorrow9) {
			t.Fatalf("at 09:30: %+v", f4)
		}

		// Power: off at 09:45, a power frame comes exactly then.
		post(t, admin, "/api/admin/screens/power", map[string]any{"weekdays": []int{1, 2, 3, 4, 5, 6, 7}, "on": "07:00", "off": "09:45",
			"standby": "dim_clock"}, http.StatusCreated)
		if f5 := c.playlist(); f5.Power.State != "on" || f5.Power.Until == nil {
			t.Fatalf("after adding a power schedule: %+v", f5.Power)
		}
		s.Clock.Set(nine.Add(45 * time.Minute))
		if m := c.next(); m.Type != push.TypePower || !strings.Contains(string(m.Data), `"standby"`) {
			t.Fatalf("at 09:45: %s %s, want power standby", m.Type, m.Data)
		}
		if f6 := c.playlist(); f6.Power.State != "standby" || f6.Power.Standby != display.StandbyDimClock {
			t.Fatalf("at 09:45: %+v", f6.Power)
		}

		// Proof of play is acknowledged with the frame's id once stored.
		played := map[string]any{"v": 1, "type": "played", "id": "p-1", "data": map[string]any{"items": []map[string]any{
			{"key": "n" + itoa(n), "notice_id": n, "start": nine.Add(10 * time.Minute).UTC().Format(time.RFC3339), "duration_ms": 12000}}}}
		if err := c.conn.WriteJSON(played); err != nil {
			t.Fatal(err)
		}
		if m := c.nextOf(push.TypeAck); m.ID != "p-1" {
			t.Fatalf("ack %q, want p-1", m.ID)
		}
		var plays int
		if err := s.App.DB.Get(t.Context(), &plays, "SELECT COUNT(*) FROM screen_plays WHERE device_id = ?", id); err != nil || plays != 1 {
			t.Fatalf("stored plays: %d %v", plays, err)
		}
	})
}
