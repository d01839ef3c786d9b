package notice_test

import (
	"context"
	"testing"
	"time"

	"github.com/hallcast/hallcast/notice"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// Two instances on one PostgreSQL call PublishDue at the same moment: each
// due publication happens once, and each instance hears every event once.
func TestPublishDueOnTwoInstances(t *testing.T) {
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
	if _, err := a.Migrate(ctx, migrations...); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, a, monday)
	other := notice.New(notice.Options{DB: b, Clock: e.clock, Location: shanghai, Calendar: e.cal})
	at := monday.Add(2 * time.Hour)
	const n = 8
	for i := 0; i < n; i++ {
		in := e.input("定时发布", notice.KindAnnouncement, "TZGG")
		in.PublishAt = &at
		e.approve(e.reviewer, e.written(in))
	}
	subB := b.Bus().Subscribe(notice.Topic)
	defer subB.Close()
	done := make(chan int, 2)
	for _, svc := range []*notice.Service{e.svc, other} {
		go func() {
			made, err := svc.PublishDue(ctx, at)
			if err != nil {
				t.Error(err)
			}
			done <- made
		}()
	}
	if total := <-done + <-done; total != n {
		t.Fatalf("%d publications by two instances, want %d", total, n)
	}
	seen := map[int64]int{}
	deadline := time.After(10 * time.Second)
	for len(seen) < n {
		select {
		case ev := <-subB.C:
			seen[ev.ID]++
		case <-deadline:
			t.Fatalf("instance b heard %d of %d notices", len(seen), n)
		}
	}
	for id, c := range seen {
		if c != 1 {
			t.Fatalf("notice %d announced %d times", id, c)
		}
	}
}
