package kiosk_test

import (
	"context"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/kiosk"
	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

func newDevice(t *testing.T, db *store.DB) int64 {
	var id int64
	if err := db.Tx(context.Background(), func(tx *store.Tx) error {
		return tx.Get(context.Background(), &id, "INSERT INTO devices (kind, name, created_at) VALUES ('kiosk', 'k', ?) RETURNING id", time.Now())
	}); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestVisitsEndAndExpire(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
		a := kiosk.New(kiosk.Options{DB: db, Clock: fake})
		dev, other := newDevice(t, db), newDevice(t, db)
		first, err := a.StartSession(ctx, dev)
		if err != nil || len(first) != 32 {
			t.Fatalf("start: %q %v", first, err)
		}
		if !a.SessionOpen(ctx, dev, first) || a.SessionOpen(ctx, other, first) {
			t.Fatal("a session belongs to its kiosk only")
		}
		second, _ := a.StartSession(ctx, dev)
		if a.SessionOpen(ctx, dev, first) || !a.SessionOpen(ctx, dev, second) {
			t.Fatal("a new visit ends the previous one")
		}
		if err := a.EndSession(ctx, dev, second); err != nil || a.SessionOpen(ctx, dev, second) {
			t.Fatalf("end: %v", err)
		}
		third, _ := a.StartSession(ctx, dev)
		fake.Advance(3 * time.Hour)
		if a.SessionOpen(ctx, dev, third) {
			t.Fatal("a visit left open ends after two hours")
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, kiosk.Migrations)
}

func TestIndexFollowsContent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mc := kiosk.NewMemoryContent(db.Bus())
		s := search.New(db, nil)
		put := func(id int64, title string) {
			if err := mc.Put(ctx, kiosk.Notice{Summary: kiosk.Summary{ID: id, Title: title, Status: "published",
				PublishedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}, Text: title}); err != nil {
				t.Fatal(err)
			}
		}
		put(1, "征地补偿公告")
		if n, err := s.Rebuild(ctx, mc); err != nil || n != 1 {
			t.Fatalf("rebuild: %d %v", n, err)
		}
		sub := db.Bus().Subscribe(search.Topic)
		done := make(chan struct{})
		go func() { s.Follow(ctx, mc, sub, nil); close(done) }()
		put(2, "低保名单公示")
		if err := mc.Remove(ctx, 1); err != nil {
			t.Fatal(err)
		}
		wait := func(q string, want int) {
			for i := 0; ; i++ {
				r, err := s.Search(ctx, search.Params{Query: q})
				if err == nil && r.Total == want {
					return
				}
				if i > 500 {
					t.Fatalf("%s: never %d hits", q, want)
				}
				time.Sleep(10 * time.Millisecond)
			}
		}
		wait("低保", 1)
		wait("征地", 0)
		sub.Close()
		<-done
	}, search.Migrations)
}
