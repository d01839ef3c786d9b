package settings_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

type idle struct {
	Seconds int `json:"seconds"`
}

func define(s *settings.Service) {
	s.Register(settings.Definition{
		Key: "kiosk.idle", Label: "空闲时间", Default: idle{Seconds: 90},
		Validate: func(raw json.RawMessage) error {
			var v idle
			if err := json.Unmarshal(raw, &v); err != nil {
				return web.Invalid("value", web.CodeInvalid, "want {seconds}")
			}
			if v.Seconds < 30 || v.Seconds > 600 {
				return web.Invalid("value.seconds", web.CodeOutOfRange, "30 to 600")
			}
			return nil
		},
	})
}

func TestDefaultsValidationAndAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := settings.New(db, clock.System{})
		define(s)
		v, err := settings.Value[idle](ctx, s, "kiosk.idle")
		if err != nil || v.Seconds != 90 {
			t.Fatalf("default: %+v %v", v, err)
		}
		if err := s.Set(ctx, audit.Actor{Name: "t"}, "kiosk.idle", json.RawMessage(`{"seconds":5}`)); err == nil {
			t.Fatal("out of range accepted")
		}
		if err := s.Set(ctx, audit.Actor{Name: "t"}, "nope", json.RawMessage(`1`)); err == nil {
			t.Fatal("unknown key accepted")
		}
		if err := s.Set(ctx, audit.Actor{Name: "t"}, "kiosk.idle", json.RawMessage(`{"seconds":120}`)); err != nil {
			t.Fatal(err)
		}
		if v, _ := settings.Value[idle](ctx, s, "kiosk.idle"); v.Seconds != 120 {
			t.Fatalf("after set: %+v", v)
		}
		rows, _ := audit.List(ctx, db, audit.Filter{Action: "settings.set"})
		if len(rows) != 1 {
			t.Fatalf("audit rows %d", len(rows))
		}
	}, audit.Migrations, settings.Migrations)
}

func TestOtherInstanceSeesTheChange(t *testing.T) {
	u := storetest.PostgresURL(t)
	ctx := context.Background()
	open := func() *store.DB {
		db, err := store.Open(ctx, store.Options{URL: u, BusChannel: storetest.Channel(u)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	a, b := open(), open()
	if _, err := a.Migrate(ctx, audit.Migrations, settings.Migrations); err != nil {
		t.Fatal(err)
	}
	sa, sb := settings.New(a, clock.System{}), settings.New(b, clock.System{})
	define(sa)
	define(sb)
	if v, _ := settings.Value[idle](ctx, sb, "kiosk.idle"); v.Seconds != 90 { // cached on b
		t.Fatal(v)
	}
	if err := sa.Set(ctx, audit.Actor{Name: "t"}, "kiosk.idle", json.RawMessage(`{"seconds":200}`)); err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		v, _ := settings.Value[idle](ctx, sb, "kiosk.idle")
		if v.Seconds == 200 {
			break
		}
		if i > 100 {
			t.Fatalf("instance b still sees %d", v.Seconds)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
