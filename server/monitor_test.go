package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/display/proof"
	"github.com/hallcast/hallcast/display/status"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// send writes one client frame.
func (c *screenConn) send(typ, id string, data any) {
	c.t.Helper()
	if err := c.conn.WriteJSON(map[string]any{"v": push.Version, "type": typ, "id": id, "data": data}); err != nil {
		c.t.Fatal(err)
	}
}

// ack waits for the next ack and returns its id.
func (c *screenConn) ack() string {
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
		if m.Type == push.TypeAck {
			return m.ID
		}
	}
}

// screenStatus polls the status API until ok accepts the screen id's state.
func waitScreen(t *testing.T, c *servertest.Client, id int64, what string, ok func(status.Screen) bool) (*status.Report, status.Screen) {
	t.Helper()
	for i := 0; ; i++ {
		var rep status.Report
		res := c.Do("GET", "/api/admin/screens/status", nil)
		if res.Status != http.StatusOK {
			t.Fatalf("status: %d %s", res.Status, res.Body)
		}
		res.JSON(t, &rep)
		for _, s := range rep.Screens {
			if s.ID == id && ok(s) {
				return &rep, s
			}
		}
		if i > 500 {
			t.Fatalf("screen %d never %s: %s", id, what, res.Body)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func metric(t *testing.T, s *servertest.Server, name string) string {
	t.Helper()
	res := s.Client(t).Do("GET", "/metrics", nil)
	for _, line := range strings.Split(string(res.Body), "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			return v
		}
	}
	t.Fatalf("no metric %s", name)
	return ""
}

// A screen's heartbeats show in the status API and metrics, its played
// frames are acknowledged and show in the proof-of-play report, and a
// screen offline past display.offline_after is flagged.
func TestScreenMonitorOverWebSocket(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		// Today's plays start 10 minutes before now; the test moves the
		// clock 6 minutes on: all within the day.
		roomToday(s, 15*time.Minute, 10*time.Minute)
		s.User(t, "root", auth.RoleAdmin)
		admin := s.Login(t, "root", "root-password-1")
		p := newPublisher(t, s)
		nid := p.publish(map[string]any{"title": "石桥镇集体土地征地补偿安置方案公告", "kind": "announcement",
			"category_id": p.category("ZDXX"), "body": "本次征地涉及石桥镇三个村。"})
		east, token := pairScreen(t, s, admin, "一楼东侧条屏", "strip_256x32", nil)
		west, _ := pairScreen(t, s, admin, "电梯口竖屏", "portrait", nil)

		c := dialScreen(t, s, token, "")
		key := fmt.Sprintf("n%d", nid)
		c.send(push.TypeHeartbeat, "", map[string]any{"item": key, "version": "v1", "resolution": "256x32", "client": "1.0.0", "uptime_s": 120, "power": "on"})
		rep, sc := waitScreen(t, admin, east, "playing "+key, func(s status.Screen) bool { return s.Item == key })
		if !sc.Online || !sc.Here || sc.ItemTitle != "石桥镇集体土地征地补偿安置方案公告" || sc.Resolution != "256x32" || sc.Client != "1.0.0" || sc.Name != "一楼东侧条屏" {
			t.Fatalf("east = %+v", sc)
		}
		if rep.Total != 2 || rep.Online != 1 || rep.Flagged != 0 || rep.OfflineAfterS != 300 {
			t.Fatalf("report = %+v", rep)
		}
		if v := metric(t, s, "hallcast_screens_online"); v != "1" {
			t.Fatalf("hallcast_screens_online = %s", v)
		}

		// Proof of play: every frame is acknowledged, a bad one (refused: it
		// never will be valid) without being stored, a repeated one once.
		now := s.Clock.Now()
		yesterday := now.Add(-24 * time.Hour)
		items := func(at time.Time, n int) []map[string]any {
			var out []map[string]any
			for i := range n {
				out = append(out, map[string]any{"key": key, "notice_id": nid, "start": at.Add(time.Duration(i) * time.Minute), "duration_ms": 12000})
			}
			return out
		}
		c.send("played", "bad", map[string]any{"items": []map[string]any{{"key": key, "start": now.Add(time.Hour), "duration_ms": 1}}})
		c.send("played", "p1", map[string]any{"items": append(items(yesterday, 3), map[string]any{"key": "w-clock", "start": yesterday, "duration_ms": 10000})})
		c.send("played", "p2", map[string]any{"items": items(now.Add(-10*time.Minute), 2)})
		c.send("played", "p2", map[string]any{"items": items(now.Add(-10*time.Minute), 2)}) // sent again: counted once
		for _, want := range []string{"bad", "p1", "p2", "p2"} {
			if got := c.ack(); got != want {
				t.Fatalf("ack %q, want %q", got, want)
			}
		}
		day := func(t time.Time) string { return t.In(s.Cfg.TimeZone).Format(time.DateOnly) }
		q := "?from=" + day(yesterday) + "&to=" + day(now)
		var pr proof.Report
		admin.Do("GET", "/api/admin/proof"+q, nil).JSON(t, &pr)
		if len(pr.Rows) != 2 || pr.Plays != 5 || pr.TotalS != 60 || pr.Rows[0].Title != "石桥镇集体土地征地补偿安置方案公告" ||
			pr.Rows[0].Day != day(now) || pr.Rows[0].Plays != 2 || !pr.Rows[0].Live || pr.Rows[1].Plays != 3 || pr.Rows[1].Screens != 1 {
			t.Fatalf("proof = %+v", pr)
		}
		// The nightly job rolls yesterday up; the report then reads it.
		if res := admin.Do("POST", "/api/admin/jobs/display.rollup/run", nil); res.Status >= 300 {
			t.Fatalf("run display.rollup: %d %s", res.Status, res.Body)
		}
		for i := 0; ; i++ {
			admin.Do("GET", "/api/admin/proof"+q, nil).JSON(t, &pr)
			if len(pr.Rows) == 2 && !pr.Rows[1].Live && pr.Rows[1].Plays == 3 {
				break
			}
			if i > 500 {
				t.Fatalf("yesterday never rolled up: %+v", pr)
			}
			time.Sleep(10 * time.Millisecond)
		}
		res := admin.Do("GET", "/api/admin/proof.xlsx"+q, nil)
		wb, err := excelize.OpenReader(bytes.NewReader(res.Body))
		if err != nil {
			t.Fatalf("proof.xlsx: %d %v", res.Status, err)
		}
		rows, _ := wb.GetRows("每日明细")
		if len(rows) != 3 || rows[1][2] != "石桥镇集体土地征地补偿安置方案公告" || rows[2][3] != "3" || rows[2][4] != "36" {
			t.Fatalf("proof.xlsx rows = %q", rows)
		}

		// Six minutes on: the never-connected screen is flagged; closing the
		// connection takes the east screen offline.
		s.Clock.Advance(6 * time.Minute)
		rep, sc = waitScreen(t, admin, west, "flagged", func(s status.Screen) bool { return s.Flagged })
		if !sc.Never || rep.Online != 1 || rep.Flagged != 1 {
			t.Fatalf("report = %+v", rep)
		}
		if v := metric(t, s, "hallcast_screens_offline_flagged"); v != "1" {
			t.Fatalf("hallcast_screens_offline_flagged = %s", v)
		}
		c.conn.Close()
		_, sc = waitScreen(t, admin, east, "offline", func(s status.Screen) bool { return !s.Online })
		if sc.Flagged || sc.Item != key {
			t.Fatalf("east after close = %+v", sc)
		}
	})
}

// Screen status is for admins; proof of play for admins and editors.
func TestMonitorRoutesRoles(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	s.User(t, "ed", auth.RoleEditor)
	s.User(t, "rita", auth.RoleReviewer)
	root, ed, rita, anon := s.Login(t, "root", "root-password-1"), s.Login(t, "ed", "ed-password-1"), s.Login(t, "rita", "rita-password-1"), s.Client(t)
	for _, c := range []struct {
		who  string
		c    *servertest.Client
		path string
		want int
	}{
		{"anonymous", anon, "/api/admin/screens/status", http.StatusUnauthorized},
		{"anonymous", anon, "/api/admin/proof", http.StatusUnauthorized},
		{"editor", ed, "/api/admin/screens/status", http.StatusForbidden},
		{"reviewer", rita, "/api/admin/proof", http.StatusForbidden},
		{"reviewer", rita, "/api/admin/proof.xlsx", http.StatusForbidden},
		{"admin", root, "/api/admin/screens/status", http.StatusOK},
		{"admin", root, "/api/admin/proof", http.StatusOK},
		{"editor", ed, "/api/admin/proof", http.StatusOK},
		{"editor", ed, "/api/admin/proof.xlsx", http.StatusOK},
	} {
		if res := c.c.Do("GET", c.path, nil); res.Status != c.want {
			t.Errorf("%s GET %s: %d, want %d", c.who, c.path, res.Status, c.want)
		}
	}
	for _, c := range []struct{ query, field string }{
		{"?from=2026-13-01", "from"}, {"?to=yesterday", "to"}, {"?from=2026-11-23&to=2026-11-01", "to"},
		{"?from=2024-01-01&to=2026-11-23", "to"}, {"?notice=abc", "notice"},
	} {
		res := ed.Do("GET", "/api/admin/proof"+c.query, nil)
		if _, field := res.ErrorCode(); res.Status != http.StatusBadRequest || field != c.field {
			t.Errorf("GET /api/admin/proof%s: %d %s, want 400 on %s", c.query, res.Status, res.Body, c.field)
		}
	}
}
