package server_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

func TestDevicePairingAndWebSocketOverHTTP(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		s.User(t, "root", auth.RoleAdmin)
		adminC := s.Login(t, "root", "root-password-1")
		dev := s.Client(t)

		var req struct{ Code, Claim string }
		res := dev.Do("POST", "/api/device/pair", map[string]string{"kind": "kiosk", "info": "test"})
		if res.Status != http.StatusCreated {
			t.Fatalf("pair request: %d %s", res.Status, res.Body)
		}
		res.JSON(t, &req)
		res = adminC.Do("POST", "/api/admin/devices/pair", map[string]string{"code": req.Code, "name": "一楼自助机", "kind": "kiosk"})
		if res.Status != http.StatusCreated {
			t.Fatalf("admin pair: %d %s", res.Status, res.Body)
		}
		var st struct {
			State, Token string
			Device       struct{ ID int64 }
		}
		dev.Do("POST", "/api/device/pair/claim", map[string]string{"code": req.Code, "claim": req.Claim}).JSON(t, &st)
		if st.State != "paired" || st.Token == "" {
			t.Fatalf("claim: %+v", st)
		}
		me, _ := http.NewRequest("GET", s.URL+"/api/device/me", nil)
		me.Header.Set("Authorization", "Bearer "+st.Token)
		if r := dev.Send(me); r.Status != http.StatusOK || !strings.Contains(string(r.Body), "一楼自助机") {
			t.Fatalf("me: %d %s", r.Status, r.Body)
		}

		dialer := websocket.Dialer{Subprotocols: []string{push.Subprotocol, "bearer." + st.Token}}
		conn, _, err := dialer.Dial("ws"+strings.TrimPrefix(s.URL, "http")+"/ws", http.Header{"Origin": {s.URL}})
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		for i := 0; len(s.App.Hub.Clients(nil)) == 0; i++ {
			if i > 200 {
				t.Fatal("connection not registered")
			}
			time.Sleep(10 * time.Millisecond)
		}
		if r := adminC.Do("POST", "/api/admin/devices/"+itoa(st.Device.ID)+"/revoke", map[string]string{"reason": "测试吊销"}); r.Status != http.StatusNoContent {
			t.Fatalf("revoke: %d %s", r.Status, r.Body)
		}
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		// A kiosk is greeted (hello) first; then the revocation closes it.
		for err == nil {
			_, _, err = conn.ReadMessage()
		}
		if ce, ok := err.(*websocket.CloseError); !ok || ce.Code != push.CloseUnauthorized {
			t.Fatalf("after revoke: %v", err)
		}
		if r := dev.Send(me); r.Status != http.StatusUnauthorized {
			t.Fatalf("me after revoke: %d", r.Status)
		}
	})
}
