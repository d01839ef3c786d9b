package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/emergency"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// An emergency's text goes through the configured masking policy (R6)
// before it is stored and pushed, and unknown groups are refused with
// 400 not_found on groups, as the screens API refuses them.
func TestEmergencyTextMaskedAndGroupsChecked(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		app := s.App
		s.User(t, "em-admin", auth.RoleAdmin)
		adm := s.Login(t, "em-admin", "em-admin-password-1")
		ctx := context.Background()
		if err := app.Settings.Set(ctx, audit.Actor{Name: "t"}, notice.SettingPolicy,
			json.RawMessage(`{"mobile":{"keepFirst":3,"keepLast":2,"maskChar":"#"}}`)); err != nil {
			t.Fatal(err)
		}
		lobby := emGroup(t, app, "一楼大厅")
		_, tok := emScreen(t, app, "大厅东侧条屏", lobby)
		conn := emDial(t, s.URL, tok)
		emWait(t, conn, push.TypeHello)

		bad := adm.Do("POST", "/api/admin/emergencies", map[string]any{"text": "x", "level": "info", "groups": []int64{lobby, lobby + 100},
			"duration_minutes": 10})
		if code, field := bad.ErrorCode(); bad.Status != http.StatusBadRequest || code != "not_found" || field != "groups" {
			t.Fatalf("unknown group: %d %s", bad.Status, bad.Body)
		}

		res := adm.Do("POST", "/api/admin/emergencies", map[string]any{"text": "寻人：家属请拨13812345678", "level": "critical",
			"groups": []int64{lobby}, "duration_minutes": 10})
		if res.Status != http.StatusCreated {
			t.Fatalf("send: %d %s", res.Status, res.Body)
		}
		const want = "寻人：家属请拨138######78"
		var em emergency.Emergency
		res.JSON(t, &em)
		if em.Text != want {
			t.Fatalf("stored text %q, want %q", em.Text, want)
		}
		var p emergency.Payload
		json.Unmarshal(emWait(t, conn, push.TypeEmergency).Data, &p)
		if p.Text != want {
			t.Fatalf("pushed text %q, want %q", p.Text, want)
		}
	})
}
