package server_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store/storetest"
)

// Two servers on one PostgreSQL share a kiosk's misses: one kiosk asks
// both in turn, 4 misses then a hit of its own record, again and again
// (the attack of issue 15, point 4). It is locked on both after 20 misses,
// as without hits, and every answer counts down the attempts left.
func TestArchiveLockoutSharedByTwoServers(t *testing.T) {
	url := storetest.PostgresURL(t)
	key := bytes.Repeat([]byte{9}, 32) // instances on one database share the archive key
	onURL := func(cfg *config.Config, o *server.Options) { cfg.DatabaseURL, cfg.ArchiveKey = url, key }
	a := servertest.Start(t, onURL)
	a.User(t, "root", auth.RoleAdmin)
	c := a.Login(t, "root", "root-password-1")
	setProtection(t, c, func(p *archive.Protection) { p.SlowAfter, p.KioskBurst, p.AddressBurst = 0, 1000, 1000 })
	ds := createDataset(t, c, "补贴")
	people := archivegen.People(4, 5)
	var im archive.Import
	upload(t, a, c, ds.ID, "a.csv", gbkCSV(t, people), "replace").JSON(t, &im)
	waitImport(t, c, im.ID)
	b := servertest.Start(t, onURL)
	kioskTokens[b] = map[string]string{"lobby-1": kioskToken(t, a, "lobby-1")} // one kiosk, two servers
	t.Cleanup(func() { delete(kioskTokens, b) })

	// share does what the lockout does every quarter second on each server.
	share := func() {
		for _, s := range []*servertest.Server{a, b} {
			if err := s.App.Lockout.Flush(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		for _, s := range []*servertest.Server{a, b} {
			if err := s.App.Lockout.Sync(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
	}
	strangers := archivegen.People(88, 400)
	own := people[0].Keys()
	misses, hits, sinceHit := 0, 0, 0
	for i := 0; ; i++ {
		srv := []*servertest.Server{a, b}[i%2]
		keys, hit := strangers[misses].Keys(), sinceHit == 4
		if hit {
			keys = own
		}
		res := kioskLookup(t, srv, srv.Client(t), "lobby-1", ds.ID, keys)
		share()
		if res.Status == http.StatusTooManyRequests {
			if code, _ := res.ErrorCode(); code != "throttled" || res.Header.Get("Retry-After") != "900" {
				t.Fatalf("refused: %d %s", res.Status, res.Body)
			}
			break
		}
		var r archive.Result
		res.JSON(t, &r)
		if res.Status != http.StatusOK || r.Found != hit {
			t.Fatalf("lookup %d on server %d: %d %s", i, i%2, res.Status, res.Body)
		}
		if hit {
			hits, sinceHit = hits+1, 0
			continue
		}
		misses, sinceHit = misses+1, sinceHit+1
		if want := min(20-misses, 9); r.AttemptsLeft != want {
			t.Fatalf("miss %d: %d attempts left, want %d", misses, r.AttemptsLeft, want)
		}
		if misses > 48 {
			t.Fatalf("%d misses and %d hits on two servers without a lock", misses, hits)
		}
	}
	if misses != 20 {
		t.Fatalf("locked after %d misses (and %d hits), want 20", misses, hits)
	}
	for i, s := range []*servertest.Server{a, b} {
		if res := kioskLookup(t, s, s.Client(t), "lobby-1", ds.ID, own); res.Status != http.StatusTooManyRequests {
			t.Fatalf("server %d after the lock: %d %s", i, res.Status, res.Body)
		}
	}
}
