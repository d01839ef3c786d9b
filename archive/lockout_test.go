package archive_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

func TestTwentyMissesLockTheKiosk(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		f.protect(nil)
		d := f.dataset("补贴")
		f.mustImport(d, archive.ModeReplace, csvFile(t, 5, 20, false))
		person := archivegen.People(5, 20)[0]
		wrong := person.Keys()
		wrong["card_last4"] = "0000"
		ask := func(kiosk string, keys map[string]string) (*archive.Result, *web.Error) {
			res, err := f.svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: keys, Kiosk: kiosk, Address: "10.0.0.5"})
			var we *web.Error
			if errors.As(err, &we) {
				return nil, we
			}
			if err != nil {
				t.Fatal(err)
			}
			return res, nil
		}
		misses, slowed := 0, 0
		for misses < 20 {
			res, err := ask("kiosk-7", wrong)
			if err != nil {
				if err.Status != http.StatusTooManyRequests || err.Params["reason"] != "slowed" {
					t.Fatalf("after %d misses: %v", misses, err)
				}
				slowed++
				f.clock.Advance(time.Duration(err.RetryAfter) * time.Second)
				continue
			}
			if res.Found {
				t.Fatal("wrong keys found a record")
			}
			misses++
		}
		if slowed == 0 {
			t.Fatal("the kiosk was never slowed")
		}
		// Locked for 15 minutes, even with the right keys; other kiosks go on.
		_, err := ask("kiosk-7", person.Keys())
		if err == nil || err.Params["reason"] != "locked" || err.RetryAfter != 15*60 {
			t.Fatalf("21st lookup: %+v", err)
		}
		if res, err := ask("kiosk-8", person.Keys()); err != nil || !res.Found {
			t.Fatalf("another kiosk: %v", err)
		}
		f.clock.Advance(14 * time.Minute)
		if _, err := ask("kiosk-7", person.Keys()); err == nil {
			t.Fatal("unlocked too early")
		}
		f.clock.Advance(time.Minute)
		if res, err := ask("kiosk-7", person.Keys()); err != nil || !res.Found {
			t.Fatalf("after the lock: %v", err)
		}

		// The audit shows every attempt, and never the keys.
		entries, err2 := f.svc.Queries(ctx, archive.QueryFilter{Kiosk: "kiosk-7", Limit: 500})
		if err2 != nil {
			t.Fatal(err2)
		}
		count := map[string]int{}
		for _, e := range entries {
			count[e.Outcome]++
			if e.DatasetID != d.ID || e.Address != "10.0.0.5" {
				t.Fatalf("entry %+v", e)
			}
		}
		if count["miss"] != 20 || count["slowed"] != slowed || count["locked"] != 2 || count["hit"] != 1 {
			t.Fatalf("audit %v", count)
		}
		usage, _ := f.svc.Usage(ctx, d.ID, 7)
		if len(usage) != 1 || usage[0].Misses != 20 || usage[0].Hits != 2 || usage[0].Day != "2026-11-23" {
			t.Fatalf("usage %+v", usage)
		}
	}, sets...)
}
