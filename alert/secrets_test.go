package alert_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

// TestSecretsAreSealedAndNeverShown: passwords, robot addresses and
// signing secrets are stored sealed (not in any column or audit entry in
// clear), named but never returned, kept when an update leaves them
// empty, removable, and required where the channel needs them.
func TestSecretsAreSealedAndNeverShown(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		ding := e.channels[alert.KindDingTalk]
		if !slices.Equal(ding.SecretsSet, []string{"url", "secret"}) || strings.Contains(ding.Hint, e.robots.DingTalkToken) {
			t.Fatalf("channel: %+v", ding)
		}
		list, _ := e.svc.Channels(ctx)
		out, _ := json.Marshal(list)
		var dump []string
		for _, q := range []string{"SELECT settings || secrets || secret_names || hint FROM alert_channels",
			"SELECT COALESCE(before_json, '') || COALESCE(after_json, '') FROM audit_log"} {
			var rows []string
			if err := db.Select(ctx, &rows, q); err != nil {
				t.Fatal(err)
			}
			dump = append(dump, rows...)
		}
		all := string(out) + strings.Join(dump, "\n")
		for _, secret := range []string{e.smtp.Password, e.robots.WeComKey, e.robots.DingTalkToken, e.robots.DingTalkSecret, e.robots.FeishuHook,
			e.robots.FeishuSecret, e.robots.WebhookToken, e.robots.WebhookSecret} {
			if strings.Contains(all, secret) {
				t.Fatalf("%q is readable in the API or the database", secret)
			}
		}

		// An update without secrets keeps them; the robot still answers.
		in := alert.ChannelInput{Name: "钉钉值班群（新）", Kind: alert.KindDingTalk, Enabled: true}
		if ch, err := e.svc.SaveChannel(ctx, admin, ding.ID, in); err != nil || !slices.Equal(ch.SecretsSet, []string{"url", "secret"}) {
			t.Fatalf("update: %+v %v", ch, err)
		}
		id, err := e.svc.Test(ctx, ding.ID)
		if err != nil {
			t.Fatal(err)
		}
		e.settle()
		if m, _ := e.svc.Message(ctx, id); m.Status != "sent" || !strings.Contains(m.Deliveries[0].Answer, `"errcode":0`) {
			t.Fatalf("test message: %+v", m)
		}
		// Without its signing secret the robot refuses, and the log says why.
		in.Clear = []string{"secret"}
		if ch, _ := e.svc.SaveChannel(ctx, admin, ding.ID, in); !slices.Equal(ch.SecretsSet, []string{"url"}) {
			t.Fatalf("cleared: %+v", ch)
		}
		id, _ = e.svc.Test(ctx, ding.ID)
		e.settle()
		if m, _ := e.svc.Message(ctx, id); m.Status != "failed" || !strings.Contains(m.Deliveries[0].Answer, "310000") {
			t.Fatalf("unsigned: %+v", m)
		}
		// A robot without its address is refused, naming the field.
		_, err = e.svc.SaveChannel(ctx, admin, 0, alert.ChannelInput{Name: "飞书", Kind: alert.KindFeishu, Enabled: true})
		var we *web.Error
		if !errorsAs(err, &we) || we.Field != "secrets.url" {
			t.Fatalf("no address: %v", err)
		}
		_, err = e.svc.SaveChannel(ctx, admin, 0, alert.ChannelInput{Name: "邮件", Kind: alert.KindEmail, Enabled: true,
			Settings: alert.Settings{Host: "smtp.example", From: "a@b.example", To: []string{"not an address"}}})
		if !errorsAs(err, &we) || we.Field != "settings.to" {
			t.Fatalf("bad address: %v", err)
		}
	}, migrations...)
}

// TestAnotherKeyCannotOpenTheSecrets: an instance with another key fails
// to send and says that the key changed, without a secret in the log.
func TestAnotherKeyCannotOpenTheSecrets(t *testing.T) {
	db := storetest.SQLite(t, migrations...)
	e := newEnv(t, db)
	other, err := alert.New(alert.Options{DB: db, Clock: e.clock, Key: []byte("ffffffffffffffffffffffffffffffff")})
	if err != nil {
		t.Fatal(err)
	}
	other.Register(alert.Condition{Kind: "test", Title: "t", Check: e.normal.check})
	other.Register(alert.Condition{Kind: "urgent", Title: "u", Min: 1, Max: 60, Check: e.urgent.check})
	if err := other.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.svc.Close(context.Background()) // only the other instance sends
	id, err := other.Test(context.Background(), e.channels[alert.KindWeCom].ID)
	if err != nil {
		t.Fatal(err)
	}
	var m *alert.Message
	for i := 0; i < 500; i++ {
		if m, _ = other.Message(context.Background(), id); m.Status == "failed" {
			break
		}
		sleep()
	}
	other.Close(context.Background())
	if m.Status != "failed" || !strings.Contains(m.Deliveries[0].Answer, "alert key") || strings.Contains(m.LastError, e.robots.WeComKey) {
		t.Fatalf("message: %+v", m)
	}
}
