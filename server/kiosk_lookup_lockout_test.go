package server_test

import (
	"net/http"
	"testing"

	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/kiosk"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

type lookupAnswer struct {
	Error struct {
		Params struct {
			AttemptsLeft *int   `json:"attempts_left"`
			Reason       string `json:"reason"`
			Scope        string `json:"scope"`
		}
	}
}

// A suggestion's four digits guessed from several kiosks, with hits of
// the right digits in between: the misses count per tracking number in
// the hour whatever the hits, each 404 says how many are left, and the
// fifth miss locks the number at every kiosk, the right digits too (issue
// 15, point 4: the keys are short).
func TestStatusLookupMissesCountPerTrackingNumber(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		k1 := pairKiosk(t, s, "大厅一号")
		var rc struct {
			TrackingNo string `json:"tracking_no"`
		}
		k1.do("POST", "/api/kiosk/suggestions", map[string]any{"category": "suggestion", "body": "希望增加周末服务", "phone": "13800138000"}).JSON(t, &rc)
		kiosks := []*kioskClient{k1, pairKiosk(t, s, "大厅二号"), pairKiosk(t, s, "大厅三号"), pairKiosk(t, s, "大厅四号")}
		ask := func(k *kioskClient, key string) (*servertest.Response, lookupAnswer) {
			t.Helper()
			res := k.do("POST", "/api/kiosk/suggestions/lookup", map[string]string{"tracking_no": rc.TrackingNo, "key": key})
			var a lookupAnswer
			if res.Status != http.StatusOK {
				res.JSON(t, &a)
			}
			return res, a
		}
		left := 5
		for i, step := range []string{"miss", "hit", "miss", "miss", "hit", "miss", "miss"} {
			k := kiosks[i%len(kiosks)]
			if step == "hit" {
				if res, _ := ask(k, "8000"); res.Status != http.StatusOK {
					t.Fatalf("step %d, the right digits: %d %s", i, res.Status, res.Body)
				}
				continue
			}
			left--
			res, a := ask(k, "000"+itoa(int64(i)))
			if res.Status != http.StatusNotFound || a.Error.Params.AttemptsLeft == nil || *a.Error.Params.AttemptsLeft != left {
				t.Fatalf("step %d, a miss: %d %s, want %d attempts left", i, res.Status, res.Body, left)
			}
		}
		res, a := ask(kiosks[3], "8000")
		if res.Status != http.StatusTooManyRequests || res.Header.Get("Retry-After") != "900" || a.Error.Params.Scope != "tracking_no" || a.Error.Params.Reason != "locked" {
			t.Fatalf("after 5 misses, the right digits: %d %v %s", res.Status, res.Header, res.Body)
		}
	})
}

// A kiosk that misses the set number of times is locked for every status
// look-up, of suggestions and of requests alike; another kiosk is not.
func TestStatusLookupMissesLockTheKiosk(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", auth.RoleAdmin)
	c := s.Login(t, "root", "root-password-1")
	p := kiosk.DefaultLookupProtection()
	p.KioskLockAfter = 3
	if res := c.Do("PUT", "/api/admin/settings/"+kiosk.LookupSetting.Key, map[string]any{"value": p}); res.Status != http.StatusOK {
		t.Fatalf("settings: %d %s", res.Status, res.Body)
	}
	k := pairKiosk(t, s, "大厅一号")
	for i, path := range []string{"/api/kiosk/suggestions/lookup", "/api/kiosk/disclosure/lookup", "/api/kiosk/suggestions/lookup"} {
		if res := k.do("POST", path, map[string]string{"tracking_no": "26112300000" + itoa(int64(i)), "key": "1234"}); res.Status != http.StatusNotFound {
			t.Fatalf("miss %d: %d %s", i, res.Status, res.Body)
		}
	}
	res := k.do("POST", "/api/kiosk/disclosure/lookup", map[string]string{"tracking_no": "261123000009", "key": "1234"})
	var a lookupAnswer
	res.JSON(t, &a)
	if res.Status != http.StatusTooManyRequests || a.Error.Params.Scope != "kiosk" {
		t.Fatalf("the 4th look-up: %d %s", res.Status, res.Body)
	}
	other := pairKiosk(t, s, "大厅二号")
	if res := other.do("POST", "/api/kiosk/disclosure/lookup", map[string]string{"tracking_no": "261123000009", "key": "1234"}); res.Status != http.StatusNotFound {
		t.Fatalf("another kiosk: %d %s", res.Status, res.Body)
	}
}
