package server_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/display"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server/servertest"
)

// TestScreenFanOutLatency measures, with 200 strip screens connected over
// real WebSockets, the time from a reviewer's approval of a notice for
// their group to the moment every screen has read its new playlist. It is
// a measurement, run on demand:
//
//	HALLCAST_TEST_SCALE=1 go test ./server -run TestScreenFanOutLatency -v
func TestScreenFanOutLatency(t *testing.T) {
	if os.Getenv("HALLCAST_TEST_SCALE") != "1" {
		t.Skip("a measurement: set HALLCAST_TEST_SCALE=1")
	}
	const screens, rounds = 200, 20
	s := servertest.Start(t)
	ctx := context.Background()
	root := audit.Actor{Name: "bench"}
	g, err := s.App.Display.CreateGroup(ctx, root, display.GroupInput{Name: "一楼大厅", Kind: display.GroupHall})
	if err != nil {
		t.Fatal(err)
	}
	conns := make([]*websocket.Conn, screens)
	tokens := make([]string, screens)
	for i := range conns {
		r, err := s.App.Devices.RequestPairing(ctx, device.KindScreen, "bench", "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.App.Display.PairScreen(ctx, root, s.App.Devices, r.Code, display.ScreenInput{Name: fmt.Sprintf("条屏%d", i),
			Profile: display.Presets["strip_256x32"], Groups: []int64{g.ID}}); err != nil {
			t.Fatal(err)
		}
		st, err := s.App.Devices.Claim(ctx, r.Code, r.Claim)
		if err != nil {
			t.Fatal(err)
		}
		tokens[i] = st.Token
		d := websocket.Dialer{Subprotocols: []string{push.Subprotocol, "bearer." + st.Token}}
		conns[i], _, err = d.Dial("ws"+strings.TrimPrefix(s.URL, "http")+"/ws", http.Header{"Origin": {s.URL}})
		if err != nil {
			t.Fatal(err)
		}
		defer conns[i].Close()
		for n := 0; n < 2; n++ { // hello, playlist
			if _, _, err := conns[i].ReadMessage(); err != nil {
				t.Fatal(err)
			}
		}
	}
	users := map[auth.Role]notice.Who{}
	for _, role := range []auth.Role{auth.RoleEditor, auth.RoleReviewer} {
		u, _, err := s.App.Auth.Create(ctx, root, auth.NewUser{Username: string(role), Role: role, Password: string(role) + "-password-1"})
		if err != nil {
			t.Fatal(err)
		}
		users[role] = notice.Who{Actor: audit.Actor{ID: u.ID, Name: u.Username}, Role: role}
	}
	cats, _ := s.App.Catalogue.List(ctx)
	var cat int64
	for _, c := range cats {
		if c.Code == "GZDT" {
			cat = c.ID
		}
	}
	all := false
	var took []time.Duration
	for i := range rounds {
		d, err := s.App.Notices.Create(ctx, users[auth.RoleEditor], notice.Input{Title: fmt.Sprintf("第%d号通知", i), Body: "正文",
			Kind: notice.KindNews, CategoryID: cat, AllScreens: &all, Groups: []int64{g.ID}})
		if err == nil {
			_, err = s.App.Notices.Submit(ctx, users[auth.RoleEditor], d.Notice.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if _, err := s.App.Notices.Approve(ctx, users[auth.RoleReviewer], d.Notice.ID, notice.Decision{Reason: "同意"}); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for _, c := range conns {
			wg.Go(func() {
				for {
					_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
					_, msg, err := c.ReadMessage()
					if err != nil {
						t.Error(err)
						return
					}
					if strings.Contains(string(msg), `"type":"playlist"`) {
						return
					}
				}
			})
		}
		wg.Wait()
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	t.Logf("%d screens, %d notices: approval to every screen's new playlist: median %v, max %v",
		screens, rounds, took[rounds/2].Round(time.Millisecond), took[rounds-1].Round(time.Millisecond))

	// A reconnect storm on a cold cache: every screen at once.
	for _, c := range conns {
		c.Close()
	}
	for len(s.App.Hub.Clients(nil)) > 0 {
		time.Sleep(10 * time.Millisecond)
	}
	if _, err := s.App.Display.CreateGroup(ctx, root, display.GroupInput{Name: "二楼", Kind: display.GroupFloor}); err != nil {
		t.Fatal(err) // a change event: the cached snapshot goes
	}
	loads := s.App.DisplayPush.Loads()
	start := time.Now()
	var wg sync.WaitGroup
	for i := range conns {
		wg.Go(func() {
			d := websocket.Dialer{Subprotocols: []string{push.Subprotocol, "bearer." + tokens[i]}}
			c, _, err := d.Dial("ws"+strings.TrimPrefix(s.URL, "http")+"/ws", http.Header{"Origin": {s.URL}})
			if err != nil {
				t.Error(err)
				return
			}
			defer c.Close()
			for n := 0; n < 2; n++ {
				_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
				if _, _, err := c.ReadMessage(); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d screens reconnecting at once: all greeted with their playlist in %v, %d snapshot load(s)",
		screens, time.Since(start).Round(time.Millisecond), s.App.DisplayPush.Loads()-loads)
}
