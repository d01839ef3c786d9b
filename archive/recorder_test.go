package archive_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

// countQueries counts the audit rows in the database.
func countQueries(t *testing.T, db *store.DB) (n int) {
	t.Helper()
	if err := db.Get(context.Background(), &n, "SELECT COUNT(*) FROM archive_queries"); err != nil {
		t.Fatal(err)
	}
	return n
}

// Lookups return before their audit row is written; every one of them is
// in the audit and the daily counts once the recorder flushed, and Close
// writes what is still waiting.
func TestEveryLookupIsAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		f.protect(func(p *archive.Protection) { p.SlowAfter, p.LockAfter = 3, 1000 })
		d := f.dataset("补贴")
		f.mustImport(d, archive.ModeReplace, csvFile(t, 9, 200, false))
		people := archivegen.People(9, 200)
		const workers, each = 8, 150
		var wg sync.WaitGroup
		var mu sync.Mutex
		outcomes := map[string]int{}
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					keys := people[(w*each+i)%len(people)].Keys()
					if i%3 == 0 {
						keys["card_last4"] = "0000"
					}
					res, err := f.svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: keys, Kiosk: fmt.Sprintf("k%d", w%4), Address: "10.0.0.9"})
					outcome := ""
					var we *web.Error
					switch {
					case errors.As(err, &we):
						outcome = we.Params["reason"].(string)
					case err != nil:
						t.Error(err)
						return
					case res.Found:
						outcome = archive.OutcomeHit
					default:
						outcome = archive.OutcomeMiss
					}
					mu.Lock()
					outcomes[outcome]++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		// Usage flushes first, as every admin read of the audit does.
		usage, err := f.svc.Usage(ctx, d.ID, 1)
		if err != nil || len(usage) != 1 {
			t.Fatalf("usage %+v %v", usage, err)
		}
		u := usage[0]
		if n := countQueries(t, db); n != workers*each || u.Queries != workers*each || int(u.Hits) != outcomes["hit"] ||
			int(u.Misses) != outcomes["miss"] || int(u.Refused) != outcomes["slowed"]+outcomes["locked"] {
			t.Fatalf("audit rows %d, usage %+v, outcomes %v", n, u, outcomes)
		}

		// Close writes the events still in memory.
		before := countQueries(t, db)
		for range 5 {
			if _, err := f.svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: people[0].Keys(), Kiosk: "k9", Address: "10.0.0.9"}); err != nil {
				t.Fatal(err)
			}
		}
		f.svc.Close()
		if n := countQueries(t, db); n != before+5 {
			t.Fatalf("after Close: %d audit rows, want %d", n, before+5)
		}
	}, sets...)
}

// Two instances on one database share a kiosk's run of misses: misses on
// both lock it on both.
func TestLockoutAcrossInstances(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		f.protect(func(p *archive.Protection) { p.SlowAfter, p.LockAfter = 0, 4 })
		d := f.dataset("补贴")
		f.mustImport(d, archive.ModeReplace, csvFile(t, 5, 20, false))
		key, _ := archive.NewKey(bytes.Repeat([]byte{7}, 32))
		other := archive.New(archive.Options{DB: db, Key: key, Settings: settings.New(db, f.clock), Clock: f.clock, Location: shanghai})
		t.Cleanup(other.Close)
		wrong := archivegen.People(5, 20)[0].Keys()
		wrong["card_last4"] = "0000"
		right := archivegen.People(5, 20)[0].Keys()
		ask := func(s *archive.Service, keys map[string]string) error {
			_, err := s.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: keys, Kiosk: "hall-1", Address: "10.0.0.5"})
			return err
		}
		for _, s := range []*archive.Service{f.svc, f.svc, other, other} {
			if err := ask(s, wrong); err != nil {
				t.Fatal(err)
			}
		}
		// Each instance writes its two misses; the second write locks.
		if _, err := f.svc.Kiosks(ctx); err != nil {
			t.Fatal(err)
		}
		list, err := other.Kiosks(ctx)
		if err != nil || len(list) != 1 || !list[0].Locked {
			t.Fatalf("kiosks %+v %v", list, err)
		}
		// Both refuse it, even with the right keys: the second at once, the
		// first once it reads the database again (within a second).
		deadline := time.Now().Add(5 * time.Second)
		for _, s := range []*archive.Service{other, f.svc} {
			for {
				err := ask(s, right)
				var we *web.Error
				if errors.As(err, &we) && we.Params["reason"] == "locked" {
					break
				}
				if err != nil || time.Now().After(deadline) {
					t.Fatalf("not locked: %v", err)
				}
				time.Sleep(50 * time.Millisecond)
			}
		}
	}, sets...)
}
