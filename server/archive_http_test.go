package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

func gbkCSV(t *testing.T, people []archivegen.Person) []byte {
	lines := []string{strings.Join(archivegen.Header, ",")}
	for i, p := range people {
		lines = append(lines, fmt.Sprintf("%d,%s,%s,城关镇,东村,城乡低保金,1200.00,2025-03-01,%s", i+1, p.Name, p.ID, p.Card))
	}
	lines = append(lines, "99,李四,123") // a broken row
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.Join(lines, "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestArchiveUploadAndKioskLookup(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		s.User(t, "root", auth.RoleAdmin)
		c := s.Login(t, "root", "root-password-1")
		setProtection(t, c, func(*archive.Protection) {})
		ds := createDataset(t, c, "低保金")
		people := archivegen.People(3, 10)[:4]

		res := upload(t, s, c, ds.ID, "低保.csv", gbkCSV(t, people), "replace")
		if res.Status != http.StatusAccepted {
			t.Fatalf("upload: %d %s", res.Status, res.Body)
		}
		var im archive.Import
		res.JSON(t, &im)
		im = waitImport(t, c, im.ID)
		if im.State != archive.StateLive || im.RowsAdded != 4 || im.RowsBad != 1 || im.Report.Problems[0].Row != 6 {
			t.Fatalf("import %+v %+v", im, im.Report)
		}

		// Kiosks list the dataset with its keys.
		anon := s.Client(t)
		req, _ := http.NewRequest("GET", s.URL+"/api/kiosk/archive/datasets", nil)
		req.Header.Set("Authorization", "Bearer "+kioskToken(t, s, "k1"))
		var list struct{ Datasets []archive.KioskDataset }
		anon.Send(req).JSON(t, &list)
		if len(list.Datasets) != 1 || list.Datasets[0].Keys[1].Length != 4 {
			t.Fatalf("kiosk datasets %+v", list)
		}
		if res := kioskLookup(t, s, anon, "", ds.ID, people[0].Keys()); res.Status != http.StatusUnauthorized {
			t.Fatalf("without a kiosk: %d", res.Status)
		}

		hit := kioskLookup(t, s, anon, "k1", ds.ID, people[0].Keys())
		wrong := people[0].Keys()
		wrong["id_number"] = people[1].ID
		miss := kioskLookup(t, s, anon, "k1", ds.ID, wrong)
		if hit.Status != http.StatusOK || miss.Status != http.StatusOK || hit.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("hit %d miss %d", hit.Status, miss.Status)
		}
		var h, m map[string]any
		hit.JSON(t, &h)
		miss.JSON(t, &m)
		if h["found"] != true || m["found"] != false || !reflect.DeepEqual(keysOf(h), keysOf(m)) || !reflect.DeepEqual(h["fields"], m["fields"]) {
			t.Fatalf("hit and miss differ in shape:\n%s\n%s", hit.Body, miss.Body)
		}
		if strings.Contains(string(hit.Body), people[0].ID) || !strings.Contains(string(hit.Body), people[0].ID[:6]+"********") {
			t.Fatalf("hit not masked: %s", hit.Body)
		}
		// Bad input names the key without echoing it.
		bad := kioskLookup(t, s, anon, "k1", ds.ID, map[string]string{"id_number": "ABC", "card_last4": "12"})
		if code, field := bad.ErrorCode(); bad.Status != http.StatusBadRequest || field != "keys.id_number" || code != "invalid" || strings.Contains(string(bad.Body), "ABC") {
			t.Fatalf("bad keys: %d %s", bad.Status, bad.Body)
		}

		// The admin sees the queries and the usage.
		var q struct{ Queries []archive.QueryEntry }
		c.Do("GET", "/api/admin/archive/queries?kiosk="+kioskDeviceID(t, s, "k1"), nil).JSON(t, &q)
		if len(q.Queries) != 2 || q.Queries[0].Outcome != "miss" || q.Queries[1].Outcome != "hit" {
			t.Fatalf("queries %+v", q)
		}
		var u struct{ Days []archive.DayStats }
		c.Do("GET", fmt.Sprintf("/api/admin/archive/usage?dataset_id=%d", ds.ID), nil).JSON(t, &u)
		if len(u.Days) != 1 || u.Days[0].HitRate != 0.5 {
			t.Fatalf("usage %+v", u)
		}
	})
}

// keysOf lists the JSON object's keys.
func keysOf(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestKioskRateLimitsAnswer429(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	c := s.Login(t, "root", "root-password-1")
	setProtection(t, c, func(p *archive.Protection) { p.KioskPerMinute, p.KioskBurst = 2, 2 })
	ds := createDataset(t, c, "补贴")
	keys := archivegen.People(1, 1)[0].Keys()
	anon := s.Client(t)
	for i := 0; i < 2; i++ {
		// The dataset has no records yet: 404, but the tokens are taken.
		if res := kioskLookup(t, s, anon, "k9", ds.ID, keys); res.Status != http.StatusNotFound {
			t.Fatalf("lookup %d: %d %s", i, res.Status, res.Body)
		}
	}
	res := kioskLookup(t, s, anon, "k9", ds.ID, keys)
	if res.Status != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "30" {
		t.Fatalf("third lookup: %d %v %s", res.Status, res.Header, res.Body)
	}
	if res := kioskLookup(t, s, anon, "k10", ds.ID, keys); res.Status != http.StatusNotFound {
		t.Fatalf("another kiosk: %d", res.Status)
	}
	setProtection(t, c, func(p *archive.Protection) { p.AddressPerMinute, p.AddressBurst = 1, 1 })
	kioskLookup(t, s, anon, "k11", ds.ID, keys)
	if res := kioskLookup(t, s, anon, "k12", ds.ID, keys); res.Status != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "60" {
		t.Fatalf("per address: %d %v", res.Status, res.Header)
	}
}

func TestTwentyWrongLookupsLockTheKioskOverHTTP(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		s.User(t, "root", auth.RoleAdmin)
		c := s.Login(t, "root", "root-password-1")
		setProtection(t, c, func(p *archive.Protection) {
			// One person's card guessed: the kiosk locks first.
			p.SlowAfter, p.KioskBurst, p.AddressBurst, p.LockMinutes, p.KeyLockAfter = 0, 100, 100, 10, 100
		})
		ds := createDataset(t, c, "补贴")
		people := archivegen.People(4, 5)
		im := archive.Import{}
		upload(t, s, c, ds.ID, "a.csv", gbkCSV(t, people), "replace").JSON(t, &im)
		waitImport(t, c, im.ID)
		wrong := people[0].Keys()
		wrong["card_last4"] = "0000"
		anon := s.Client(t)
		for i := 0; i < 20; i++ {
			var r archive.Result
			res := kioskLookup(t, s, anon, "lobby-1", ds.ID, wrong)
			res.JSON(t, &r)
			if res.Status != http.StatusOK || r.Found {
				t.Fatalf("miss %d: %d %s", i+1, res.Status, res.Body)
			}
		}
		res := kioskLookup(t, s, anon, "lobby-1", ds.ID, people[0].Keys())
		if res.Status != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "600" {
			t.Fatalf("locked: %d %v %s", res.Status, res.Header, res.Body)
		}
		var q struct{ Queries []archive.QueryEntry }
		c.Do("GET", "/api/admin/archive/queries?limit=50&kiosk="+kioskDeviceID(t, s, "lobby-1"), nil).JSON(t, &q)
		outcomes := map[string]int{}
		for _, e := range q.Queries {
			outcomes[e.Outcome]++
		}
		if outcomes["miss"] != 20 || outcomes["locked"] != 1 || len(q.Queries) != 21 {
			t.Fatalf("audit %v", outcomes)
		}
		for _, e := range q.Queries {
			if b, _ := json.Marshal(e); strings.Contains(string(b), people[0].ID) || strings.Contains(string(b), "0000") {
				t.Fatalf("audit holds a key: %s", b)
			}
		}
		var ks struct{ Kiosks []archive.KioskStatus }
		c.Do("GET", "/api/admin/archive/kiosks", nil).JSON(t, &ks)
		if len(ks.Kiosks) != 1 || !ks.Kiosks[0].Locked {
			t.Fatalf("kiosks %+v", ks)
		}
		s.Clock.Advance(10 * time.Minute)
		if res := kioskLookup(t, s, anon, "lobby-1", ds.ID, people[0].Keys()); res.Status != http.StatusOK {
			t.Fatalf("after the lock: %d", res.Status)
		}
	})
}
