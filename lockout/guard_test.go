package lockout_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

var rule = lockout.Rule{LockAfter: 6, Window: time.Hour, LockFor: 15 * time.Minute}

func guard(t *testing.T, db *store.DB, c clock.Clock) *lockout.Guard {
	t.Helper()
	g := lockout.New(context.Background(), lockout.Options{DB: db, Clock: c, Every: time.Hour}) // flushed by hand
	t.Cleanup(g.Close)
	return g
}

func kiosk(name string) []lockout.Scope {
	return []lockout.Scope{{Kind: "test.kiosk", Name: name, Rule: rule}}
}

// Two instances on one database share the counts: misses on both add up,
// a lock set through one refuses on the other once it read the database,
// and an unlock on one reaches the other.
func TestGuardsShareCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
		a, b := guard(t, db, fake), guard(t, db, fake)
		sync := func(gs ...*lockout.Guard) {
			for _, g := range gs {
				if err := g.Flush(ctx); err != nil {
					t.Fatal(err)
				}
			}
			for _, g := range gs {
				if err := g.Sync(ctx); err != nil {
					t.Fatal(err)
				}
			}
		}
		for range 3 {
			a.Miss(fake.Now(), kiosk("hall-1"))
			fake.Advance(time.Second)
		}
		sync(a, b)
		if r, left := b.Check(fake.Now(), kiosk("hall-1")); r != nil || left != 3 {
			t.Fatalf("b after a's 3 misses: %+v, %d left", r, left)
		}
		b.Miss(fake.Now(), kiosk("hall-1"))
		b.Miss(fake.Now(), kiosk("hall-1"))
		a.Miss(fake.Now(), kiosk("hall-1")) // a's view: 4; the database's: 6
		sync(a, b)
		for name, g := range map[string]*lockout.Guard{"a": a, "b": b} {
			if r, _ := g.Check(fake.Now(), kiosk("hall-1")); r == nil || r.Reason != lockout.Locked || r.Wait != 15*time.Minute {
				t.Fatalf("%s after 6 misses on two instances: %+v", name, r)
			}
		}
		if r, left := a.Check(fake.Now(), kiosk("hall-2")); r != nil || left != 6 {
			t.Fatalf("another kiosk: %+v %d", r, left)
		}
		list, err := a.List(ctx, "test.kiosk", rule, 10)
		if err != nil || len(list) != 1 || !list[0].Locked || list[0].Locks != 1 || list[0].Name != "hall-1" {
			t.Fatalf("list %+v %v", list, err)
		}
		found, err := b.Unlock(ctx, "test.kiosk", "hall-1", nil)
		if err != nil || !found {
			t.Fatalf("unlock: %v %v", found, err)
		}
		sync(a)
		if r, left := a.Check(fake.Now(), kiosk("hall-1")); r != nil || left != 6 {
			t.Fatalf("a after b's unlock: %+v %d", r, left)
		}
		if found, err := b.Unlock(ctx, "test.kiosk", "nobody", nil); err != nil || found {
			t.Fatalf("unlock of an unknown scope: %v %v", found, err)
		}
		// A new guard (a restart) starts from the shared counts.
		a.Miss(fake.Now(), kiosk("hall-3"))
		sync(a)
		c := guard(t, db, fake)
		if _, left := c.Check(fake.Now(), kiosk("hall-3")); left != 5 {
			t.Fatalf("a new instance: %d left", left)
		}
	}, lockout.Migrations)
}

// Instances writing misses of one scope at the same time lose none.
func TestConcurrentFlushesAddUp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
		big := []lockout.Scope{{Kind: "test.key", Name: "k", Rule: lockout.Rule{LockAfter: 1000, Window: time.Hour, LockFor: time.Minute}}}
		guards := []*lockout.Guard{guard(t, db, fake), guard(t, db, fake), guard(t, db, fake)}
		var wg sync.WaitGroup
		for _, g := range guards {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 20 {
					g.Miss(fake.Now(), big)
					if i%4 == 3 {
						if err := g.Flush(ctx); err != nil {
							t.Error(err)
						}
					}
				}
			}()
		}
		wg.Wait()
		for _, g := range guards {
			if err := g.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		}
		list, err := guards[0].List(ctx, "test.key", big[0].Rule, 1)
		if err != nil || len(list) != 1 || list[0].Misses != 60 {
			t.Fatalf("after 3 × 20 misses: %+v %v", list, err)
		}
		for i, g := range guards {
			if err := g.Sync(ctx); err != nil {
				t.Fatal(err)
			}
			if _, left := g.Check(fake.Now(), big); left != 940 {
				t.Fatalf("guard %d sees %d left", i, left)
			}
		}
	}, lockout.Migrations)
}

// Expired counts are deleted, except those of kinds that keep their rows.
func TestExpiredCountsArePruned(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
		g := guard(t, db, fake)
		kept := rule
		kept.Keep = true
		for i := range 3 {
			g.Miss(fake.Now(), []lockout.Scope{{Kind: "test.key", Name: fmt.Sprint(i), Rule: rule}, {Kind: "test.kiosk", Name: "k", Rule: kept}})
		}
		if err := g.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		fake.Advance(2 * time.Hour)
		if err := lockout.Prune(ctx, g); err != nil {
			t.Fatal(err)
		}
		n := map[string]int{}
		var rows []struct {
			Kind string `db:"kind"`
			N    int    `db:"n"`
		}
		if err := db.Select(ctx, &rows, "SELECT substr(scope, 1, 8) AS kind, COUNT(*) AS n FROM lockouts GROUP BY substr(scope, 1, 8)"); err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			n[r.Kind] = r.N
		}
		if n["test.key"] != 0 || n["test.kio"] != 1 {
			t.Fatalf("rows after the prune: %v", n)
		}
	}, lockout.Migrations)
}

// A batch larger than one statement (full chunks through the prepared
// statement, the rest through one of its own) writes every scope, twice.
func TestLargeBatchesWriteEveryScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
		a, b := guard(t, db, fake), guard(t, db, fake)
		for round := range 2 {
			for i := range 250 {
				a.Miss(fake.Now(), []lockout.Scope{{Kind: "test.key", Name: fmt.Sprint(i), Rule: rule}})
			}
			if err := a.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if err := b.Sync(ctx); err != nil {
				t.Fatal(err)
			}
			for _, i := range []int{0, 99, 100, 249} {
				if _, left := b.Check(fake.Now(), []lockout.Scope{{Kind: "test.key", Name: fmt.Sprint(i), Rule: rule}}); left != 6-(round+1) {
					t.Fatalf("round %d, scope %d: %d left", round, i, left)
				}
			}
		}
	}, lockout.Migrations)
}
