package alert_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/hallcast/hallcast/alert"
	"github.com/hallcast/hallcast/alert/alerttest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestTwoInstancesSendEachMessageOnce: two instances on one database (two
// connections to one SQLite file, or to one PostgreSQL schema) evaluate
// the same 30 findings at once and both drain the outbox: every alert is
// raised once and every recipient gets one message.
func TestTwoInstancesSendEachMessageOnce(t *testing.T) {
	for _, d := range []store.Dialect{store.SQLite, store.Postgres} {
		t.Run(string(d), func(t *testing.T) {
			var opts store.Options
			if d == store.Postgres {
				u := storetest.PostgresURL(t)
				opts = store.Options{URL: u, BusChannel: storetest.Channel(u)}
			} else {
				opts = store.Options{SQLitePath: filepath.Join(t.TempDir(), "hallcast.db")}
			}
			open := func() *store.DB {
				db, err := store.Open(context.Background(), opts)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				if _, err := db.Migrate(context.Background(), migrations...); err != nil {
					t.Fatal(err)
				}
				return db
			}
			e := newEnv(t, open())
			other := e.service(open(), nil)
			var list []alert.Finding
			for i := range 30 {
				list = append(list, alert.Finding{Item: fmt.Sprintf("screen:%d", i), Text: fmt.Sprintf("屏幕「%d 号窗口」离线 15 分钟", i)})
			}
			e.normal.set(list...)
			done := make(chan *alert.Result, 2)
			for _, s := range []*alert.Service{e.svc, other} {
				go func() {
					res, err := s.Evaluate(context.Background(), "")
					if err != nil {
						t.Error(err)
					}
					done <- res
				}()
			}
			a, b := <-done, <-done
			if a.Started+b.Started != 30 || a.Queued+b.Queued != 5 {
				t.Fatalf("evaluations: %+v and %+v", a, b)
			}
			e.expectEach(1, "30 项")
			if n := e.robots.Requests(alerttest.Feishu); n != 1 {
				t.Fatalf("飞书 asked %d times", n)
			}
		})
	}
}
