package server_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// A notice scheduled for a time that passes while the server is stopped
// is published once when it starts again, and its expiry follows to the
// second (issue 7, with an injected clock).
func TestPublicationCatchesUpAfterDowntime(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		ctx := context.Background()
		cfg := servertest.Config(t)
		if d == store.Postgres {
			cfg.DatabaseURL = storetest.PostgresURL(t)
		}
		sh := cfg.TimeZone
		start := servertest.Now(t, sh)
		fake := clock.NewFake(start)
		open := func() *server.App {
			app, err := server.Open(ctx, cfg, slog.New(slog.DiscardHandler), server.Options{Clock: fake, BcryptCost: bcrypt.MinCost})
			if err != nil {
				t.Fatal(err)
			}
			return app
		}
		app := open()
		ed, _, _ := app.Auth.Create(ctx, audit.Actor{Name: "t"}, auth.NewUser{Username: "ed", Role: auth.RoleEditor, Password: "ed-password-1"})
		rv, _, _ := app.Auth.Create(ctx, audit.Actor{Name: "t"}, auth.NewUser{Username: "rv", Role: auth.RoleReviewer, Password: "rv-password-1"})
		editor := notice.Who{Actor: audit.Actor{ID: ed.ID, Name: "ed"}, Role: auth.RoleEditor}
		reviewer := notice.Who{Actor: audit.Actor{ID: rv.ID, Name: "rv"}, Role: auth.RoleReviewer}
		cats, _ := app.Catalogue.List(ctx)
		publishAt := start.Add(30 * time.Minute)
		expireAt := start.Add(2 * time.Hour)
		det, err := app.Notices.Create(ctx, editor, notice.Input{Title: "停电检修通知", Body: "今天停电检修。", Kind: notice.KindNotification,
			CategoryID: cats[0].ID, PublishAt: &publishAt, ExpireAt: &expireAt})
		if err != nil {
			t.Fatal(err)
		}
		id := det.Notice.ID
		if _, err := app.Notices.Submit(ctx, editor, id); err != nil {
			t.Fatal(err)
		}
		if _, err := app.Notices.Approve(ctx, reviewer, id, notice.Decision{Reason: "同意公开"}); err != nil {
			t.Fatal(err)
		}
		app.Close(ctx) // the server is down for an hour, over the publication

		fake.Set(start.Add(time.Hour))
		app = open()
		defer app.Close(ctx)
		published := func() bool {
			pub, err := app.Notices.Published(ctx, notice.PublicFilter{IDs: []int64{id}})
			return err == nil && len(pub) == 1
		}
		eventually(t, "publication at start", published)

		for !expired(ctx, app, id) && fake.Now().Before(expireAt) {
			eventually(t, "a timer for the expiry", func() bool { return fake.Waiters() > 0 })
			fake.Set(expireAt)
		}
		eventually(t, "expiry to the second", func() bool { return expired(ctx, app, id) })
		hist, err := app.Notices.History(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{}
		for _, h := range hist {
			counts[h.Action]++
		}
		if counts["publish"] != 1 || counts["expire"] != 1 {
			t.Fatalf("history: %v, want one publish and one expire", counts)
		}
	})
}

func expired(ctx context.Context, app *server.App, id int64) bool {
	arch, err := app.Notices.Archive(ctx, notice.PublicFilter{IDs: []int64{id}})
	return err == nil && len(arch) == 1
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for i := 0; i < 500; i++ {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}
