package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/emergency"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

type emReceipts struct {
	Active      bool
	Targets     int
	Confirmed   int
	Unconfirmed []struct {
		DeviceID int64 `json:"device_id"`
	}
	Offline []struct {
		DeviceID int64 `json:"device_id"`
	}
}

// An emergency reaches the connected screens of its groups at once, each
// ack is counted once, a screen that reconnects gets it again right after
// hello, and it ends by hand or exactly at expiry (issue 4).
func TestEmergencyBroadcastReceiptsClearAndExpiry(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		app := s.App
		s.User(t, "em-admin", auth.RoleAdmin)
		adm := s.Login(t, "em-admin", "em-admin-password-1")
		lobby := emGroup(t, app, "一楼大厅")
		_, tokA := emScreen(t, app, "大厅东侧条屏", lobby)
		idB, tokB := emScreen(t, app, "大厅西侧条屏", lobby)
		_, tokC := emScreen(t, app, "二楼电梯口")
		idD, _ := emScreen(t, app, "大厅门口（离线）", lobby)
		a, b, c := emDial(t, s.URL, tokA), emDial(t, s.URL, tokB), emDial(t, s.URL, tokC)
		emWait(t, a, push.TypeHello)
		emWait(t, b, push.TypeHello)
		emWait(t, c, push.TypeHello)

		now := s.Clock.Now()
		bad := adm.Do("POST", "/api/admin/emergencies", map[string]any{"text": "x", "level": "critical", "groups": []int64{lobby},
			"expires_at": now.Add(25 * time.Hour)})
		if code, field := bad.ErrorCode(); bad.Status != http.StatusBadRequest || field != "expires_at" {
			t.Fatalf("expiry beyond 24 h: %d %s %s", bad.Status, code, field)
		}
		bad = adm.Do("POST", "/api/admin/emergencies", map[string]any{"text": "x", "level": "loud", "all": true, "expires_at": now.Add(time.Hour)})
		if _, field := bad.ErrorCode(); field != "level" {
			t.Fatalf("bad level: %d %s", bad.Status, bad.Body)
		}

		res := adm.Do("POST", "/api/admin/emergencies", map[string]any{"text": "大厅发生火警，请从东侧出口有序撤离", "level": "critical",
			"groups": []int64{lobby}, "expires_at": now.Add(time.Hour)})
		if res.Status != http.StatusCreated {
			t.Fatalf("send: %d %s", res.Status, res.Body)
		}
		var em emergency.Emergency
		res.JSON(t, &em)
		mid := emergency.MessageID(em.ID)
		var p emergency.Payload
		m := emWait(t, a, push.TypeEmergency)
		json.Unmarshal(m.Data, &p)
		if m.ID != mid || p.ID != mid || p.Level != "critical" || p.Text != "大厅发生火警，请从东侧出口有序撤离" || !p.ExpiresAt.Equal(now.Add(time.Hour)) {
			t.Fatalf("emergency frame %+v %+v", m, p)
		}
		if m := emWait(t, b, push.TypeEmergency); m.ID != mid {
			t.Fatalf("B got %+v", m)
		}
		emAck(t, a, mid)
		emAck(t, a, mid) // counted once
		var r emReceipts
		receipts := func() emReceipts {
			app.Emergencies.Flush()
			res := adm.Do("GET", "/api/admin/emergencies/"+itoa(em.ID), nil)
			var r emReceipts
			res.JSON(t, &r)
			return r
		}
		eventually(t, "A's receipt", func() bool { r = receipts(); return r.Confirmed == 1 })
		if r.Targets != 3 || len(r.Unconfirmed) != 1 || r.Unconfirmed[0].DeviceID != idB || len(r.Offline) != 1 || r.Offline[0].DeviceID != idD {
			t.Fatalf("receipts %+v", r)
		}

		// B reconnects while it is active: hello, then the emergency.
		b.Close()
		b = emDial(t, s.URL, tokB)
		emWait(t, b, push.TypeHello)
		if m := emWait(t, b, push.TypeEmergency); m.ID != mid {
			t.Fatalf("after reconnect: %+v", m)
		}
		emAck(t, b, mid)
		eventually(t, "B's receipt", func() bool { r = receipts(); return r.Confirmed == 2 })

		// C (no group) never got it; clearing reaches A and B.
		if res := adm.Do("POST", "/api/admin/emergencies/"+itoa(em.ID)+"/clear", nil); res.Status != http.StatusOK {
			t.Fatalf("clear: %d %s", res.Status, res.Body)
		}
		if m := emWait(t, a, push.TypeEmergencyClear); string(m.Data) != `{"id":"`+mid+`"}` {
			t.Fatalf("clear frame %s", m.Data)
		}
		emWait(t, b, push.TypeEmergencyClear)
		if res := adm.Do("POST", "/api/admin/emergencies/"+itoa(em.ID)+"/clear", nil); res.Status != http.StatusConflict {
			t.Fatalf("second clear: %d", res.Status)
		}

		// To all screens, ending at expiry on the injected clock.
		expires := now.Add(10 * time.Minute)
		em2, err := app.Emergencies.Send(context.Background(), audit.Actor{Name: "t"}, emergency.Input{Text: "系统维护", Level: "info", All: true, ExpiresAt: expires})
		if err != nil {
			t.Fatal(err)
		}
		mid2 := emergency.MessageID(em2.ID)
		if m := emWait(t, c, push.TypeEmergency); m.ID != mid2 {
			t.Fatalf("C got %+v", m)
		}
		s.Clock.Set(expires.Add(-time.Second))
		s.Clock.Set(expires)
		if m := emWait(t, c, push.TypeEmergencyClear); string(m.Data) != `{"id":"`+mid2+`"}` {
			t.Fatalf("expiry clear %s", m.Data)
		}
		var list struct{ Emergencies []emergency.Summary }
		adm.Do("GET", "/api/admin/emergencies", nil).JSON(t, &list)
		if len(list.Emergencies) != 2 || list.Emergencies[0].Active || list.Emergencies[1].Confirmed != 2 {
			t.Fatalf("list %+v", list)
		}
	})
}

// Two instances on one PostgreSQL: an emergency sent on A reaches a screen
// connected to B, A's receipts list it as online and unconfirmed (not
// offline) until it acks, and B's ack is counted on A.
func TestEmergencyAcrossInstances(t *testing.T) {
	url := storetest.PostgresURL(t)
	onURL := func(cfg *config.Config, o *server.Options) { cfg.DatabaseURL = url }
	a := servertest.Start(t, onURL)
	b := servertest.Start(t, onURL)
	lobby := emGroup(t, a.App, "一楼大厅")
	_, tok := emScreen(t, a.App, "大厅东侧条屏", lobby)
	conn := emDial(t, b.URL, tok)
	emWait(t, conn, push.TypeHello)
	em, err := a.App.Emergencies.Send(context.Background(), audit.Actor{Name: "t"}, emergency.Input{Text: "请注意", Level: "warning",
		Groups: []int64{lobby}, ExpiresAt: a.Clock.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	mid := emergency.MessageID(em.ID)
	if m := emWait(t, conn, push.TypeEmergency); m.ID != mid {
		t.Fatalf("got %+v", m)
	}
	eventually(t, "the screen on B listed online on A", func() bool {
		if err := b.App.ScreenStatus.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		r, err := a.App.Emergencies.Receipts(context.Background(), em.ID)
		return err == nil && len(r.Unconfirmed) == 1 && len(r.Offline) == 0 && r.Unconfirmed[0].Online
	})
	emAck(t, conn, mid)
	eventually(t, "the receipt on A", func() bool {
		b.App.Emergencies.Flush()
		r, err := a.App.Emergencies.Receipts(context.Background(), em.ID)
		return err == nil && r.Confirmed == 1 && r.Targets == 1
	})
}
