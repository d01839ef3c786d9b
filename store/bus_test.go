package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

func receive(t *testing.T, sub *store.Subscription) store.Event {
	t.Helper()
	select {
	case ev := <-sub.C:
		return ev
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5s")
		return store.Event{}
	}
}

func TestBusFiltersTopics(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	notices := db.Bus().Subscribe("notice")
	all := db.Bus().Subscribe()
	defer notices.Close()
	defer all.Close()
	db.Bus().Publish(ctx, store.Event{Topic: "screen", ID: 1})
	db.Bus().Publish(ctx, store.Event{Topic: "notice", ID: 2})
	if ev := receive(t, notices); ev.Topic != "notice" || ev.ID != 2 {
		t.Fatalf("notice subscriber got %+v", ev)
	}
	if ev := receive(t, all); ev.Topic != "screen" {
		t.Fatalf("all subscriber got %+v first", ev)
	}
}

func TestBusSlowSubscriberGetsResync(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	sub := db.Bus().Subscribe("x")
	defer sub.Close()
	for i := 0; i < 3000; i++ {
		db.Bus().Publish(ctx, store.Event{Topic: "x", ID: int64(i)})
	}
	if db.Bus().Dropped() == 0 {
		t.Fatal("nothing dropped for a subscriber that never read")
	}
	for len(sub.C) > 0 {
		<-sub.C
	}
	db.Bus().Publish(ctx, store.Event{Topic: "x", ID: 9999})
	if ev := receive(t, sub); ev.Topic != store.TopicResync {
		t.Fatalf("after overflow got %+v, want a resync", ev)
	}
	if ev := receive(t, sub); ev.ID != 9999 {
		t.Fatalf("after resync got %+v", ev)
	}
}

func TestBusCrossesInstancesOnPostgres(t *testing.T) {
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
	subA := a.Bus().Subscribe("notice")
	subB := b.Bus().Subscribe("notice")
	defer subA.Close()
	defer subB.Close()
	if err := a.Bus().Publish(ctx, store.Event{Topic: "notice", ID: 7}); err != nil {
		t.Fatal(err)
	}
	if ev := receive(t, subB); ev.ID != 7 {
		t.Fatalf("other instance got %+v", ev)
	}
	if ev := receive(t, subA); ev.ID != 7 {
		t.Fatalf("own instance got %+v", ev)
	}
	// The publisher does not receive its own event twice.
	select {
	case ev := <-subA.C:
		t.Fatalf("echo of own event: %+v", ev)
	case <-time.After(300 * time.Millisecond):
	}
}
