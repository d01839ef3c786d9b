package archive_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/lockout"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

// Twenty misses in the hour lock a kiosk for 15 minutes, after slowing it
// from the fifth; other kiosks go on; every attempt is audited.
func TestTwentyMissesLockTheKiosk(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		f.protect(nil)
		d := f.dataset("补贴")
		f.mustImport(d, archive.ModeReplace, csvFile(t, 5, 20, false))
		person := archivegen.People(5, 20)[0]
		strangers := archivegen.People(77, 400) // not in the dataset: each a person of its own
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
			res, err := ask("kiosk-7", strangers[misses].Keys())
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

// The attack of issue 15 (point 4): one hit of one's own record after
// every 4 misses reset the run of misses, 48 misses went by without a
// 429. Misses now count in the window whatever hits come between: the
// kiosk is locked after the same 20 misses as without hits, and every
// answer says honestly how many more misses lock the lookups.
func TestInterleavedHitsDoNotResetTheMisses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		f.protect(nil)
		d := f.dataset("补贴")
		f.mustImport(d, archive.ModeReplace, csvFile(t, 5, 20, false))
		own := archivegen.People(5, 20)[0].Keys()
		strangers := archivegen.People(77, 400)
		misses, hits, sinceHit := 0, 0, 0
		for {
			keys, hit := strangers[misses].Keys(), sinceHit == 4
			if hit {
				keys = own
			}
			res, err := f.svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: keys, Kiosk: "kiosk-7", Address: "10.0.0.5"})
			var we *web.Error
			if errors.As(err, &we) {
				if we.Params["reason"] == "slowed" {
					f.clock.Advance(time.Duration(we.RetryAfter) * time.Second)
					continue
				}
				if we.Params["reason"] != "locked" || we.Params["scope"] != "kiosk" || we.RetryAfter != 15*60 {
					t.Fatalf("after %d misses: %v %v", misses, we, we.Params)
				}
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Found != hit {
				t.Fatalf("lookup %d: found %v", misses+hits, res.Found)
			}
			if hit {
				hits, sinceHit = hits+1, 0
				// The person's own keys take 10; the kiosk what it has left.
				if want := min(20-misses, 10); res.AttemptsLeft != want {
					t.Fatalf("hit after %d misses: %d attempts left, want %d", misses, res.AttemptsLeft, want)
				}
				continue
			}
			misses, sinceHit = misses+1, sinceHit+1
			// A stranger's keys took 1 of 10; the kiosk 1 of 20.
			if want := min(20-misses, 9); res.AttemptsLeft != want {
				t.Fatalf("miss %d: %d attempts left, want %d", misses, res.AttemptsLeft, want)
			}
			if misses == 12 {
				ks, err := f.svc.Kiosks(ctx)
				if err != nil || len(ks) != 1 || ks[0].Misses != 12 || ks[0].Left != 8 || ks[0].Locked {
					t.Fatalf("admins see %+v %v, want 12 misses", ks, err)
				}
			}
			if misses > 48 {
				t.Fatalf("48 misses and %d hits without a lock", hits)
			}
		}
		if misses != 20 || hits != 4 {
			t.Fatalf("locked after %d misses and %d hits, want 20 misses as without hits", misses, hits)
		}
		ks, err := f.svc.Kiosks(ctx)
		if err != nil || len(ks) != 1 || !ks[0].Locked || ks[0].Locks != 1 {
			t.Fatalf("kiosks %+v %v", ks, err)
		}
	}, sets...)
}

// One person's keys guessed from many kiosks, on two instances: after 10
// misses in the hour they are locked at every kiosk and instance, also
// with the right card number; other persons are not.
func TestAPersonIsLockedAcrossKiosksAndInstances(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		f.protect(func(p *archive.Protection) { p.SlowAfter = 0 })
		d := f.dataset("补贴")
		f.mustImport(d, archive.ModeReplace, csvFile(t, 5, 20, false))
		key, _ := archive.NewKey(bytes.Repeat([]byte{7}, 32))
		other := archive.New(archive.Options{DB: db, Key: key, Settings: settings.New(db, f.clock), Clock: f.clock, Location: shanghai})
		t.Cleanup(other.Close)
		people := archivegen.People(5, 20)
		target := people[0]
		for i := range 10 {
			wrong := target.Keys()
			wrong["card_last4"] = fmt.Sprintf("%04d", 9000+i)
			svc := []*archive.Service{f.svc, other}[i%2]
			res, err := svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: wrong, Kiosk: fmt.Sprintf("kiosk-%d", i),
				Address: fmt.Sprintf("10.0.%d.1", i)})
			if err != nil || res.Found {
				t.Fatalf("guess %d: %+v %v", i, res, err)
			}
			// Each instance writes and reads the other's misses.
			for _, s := range []*archive.Service{f.svc, other, f.svc} {
				if err := archive.SyncLockout(ctx, s); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, svc := range []*archive.Service{f.svc, other} {
			_, err := svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: target.Keys(), Kiosk: "kiosk-new", Address: "10.9.9.9"})
			var we *web.Error
			if !errors.As(err, &we) || we.Params["reason"] != "locked" || we.Params["scope"] != "keys" {
				t.Fatalf("the right keys after 10 guesses: %v", err)
			}
		}
		if res, err := other.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: people[1].Keys(), Kiosk: "kiosk-new", Address: "10.9.9.9"}); err != nil || !res.Found {
			t.Fatalf("another person: %+v %v", res, err)
		}
		_, keys, err := f.svc.Locks(ctx)
		if err != nil || len(keys) != 1 || !keys[0].Locked || strings.Contains(keys[0].Name, target.ID) {
			t.Fatalf("locked keys %+v %v", keys, err)
		}
		if err := other.Unlock(ctx, admin, archive.LockKeys, keys[0].Name); err != nil {
			t.Fatal(err)
		}
		archive.SyncLockout(ctx, f.svc)
		if res, err := f.svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: target.Keys(), Kiosk: "kiosk-new", Address: "10.9.9.9"}); err != nil || !res.Found {
			t.Fatalf("after the unlock: %+v %v", res, err)
		}
	}, sets...)
}

// Kiosks behind one address: 40 misses in the hour from several kiosks
// (none of them at its own limit) lock the address.
func TestAnAddressIsLockedAcrossKiosks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		f.protect(func(p *archive.Protection) { p.SlowAfter = 0 })
		d := f.dataset("补贴")
		f.mustImport(d, archive.ModeReplace, csvFile(t, 5, 20, false))
		strangers := archivegen.People(77, 400)
		for i := range 40 {
			res, err := f.svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: strangers[i].Keys(), Kiosk: fmt.Sprintf("kiosk-%d", i%3),
				Address: "10.0.0.5"})
			if err != nil || res.Found {
				t.Fatalf("miss %d: %v", i, err)
			}
		}
		own := archivegen.People(5, 20)[0].Keys()
		_, err := f.svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: own, Kiosk: "kiosk-3", Address: "10.0.0.5"})
		var we *web.Error
		if !errors.As(err, &we) || we.Params["reason"] != "locked" || we.Params["scope"] != "address" {
			t.Fatalf("a fourth kiosk behind the address: %v", err)
		}
		if res, err := f.svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: own, Kiosk: "kiosk-3", Address: "10.0.0.6"}); err != nil || !res.Found {
			t.Fatalf("another address: %v", err)
		}
	}, sets...)
}

// A kiosk locked when the server is upgraded stays locked, with its
// number of locks, once the runs of misses move to the lockout (archive
// migration 7).
func TestKioskLocksSurviveTheUpgrade(t *testing.T) {
	old := fstest.MapFS{}
	err := fs.WalkDir(archive.Migrations.FS, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || strings.Contains(p, "/0007_") {
			return err
		}
		b, err := fs.ReadFile(archive.Migrations.FS, p)
		old[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		until := time.Date(2026, 11, 23, 1, 10, 0, 0, time.UTC)
		if _, err := db.Exec(ctx, `INSERT INTO archive_kiosks (kiosk_id, misses, last_miss_at, locked_until, locks) VALUES ('7', 0, ?, ?, 3), ('8', 4, ?, NULL, 0)`,
			until.Add(-15*time.Minute), until, until.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(ctx, sets...); err != nil {
			t.Fatal(err)
		}
		f := newFixture(t, db) // 2026-11-23 09:00 in Shanghai: 01:00 UTC
		ks, err := f.svc.Kiosks(ctx)
		if err != nil || len(ks) != 2 || ks[0].Kiosk != "7" || !ks[0].Locked || ks[0].Locks != 3 || !ks[0].LockedUntil.Equal(until) || ks[1].Locked {
			t.Fatalf("kiosks after the upgrade: %+v %v", ks, err)
		}
		d := f.dataset("补贴")
		f.mustImport(d, archive.ModeReplace, csvFile(t, 5, 20, false))
		_, err = f.svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: archivegen.People(5, 20)[0].Keys(), Kiosk: "7", Address: "10.0.0.5"})
		var we *web.Error
		if !errors.As(err, &we) || we.Params["reason"] != "locked" || we.RetryAfter != 10*60 {
			t.Fatalf("the locked kiosk after the upgrade: %v", err)
		}
	}, audit.Migrations, settings.Migrations, lockout.Migrations, store.Migrations{Component: "archive", FS: old})
}
