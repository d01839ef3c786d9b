package device_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

var who = audit.Actor{Name: "test"}

func code(err error) web.Code {
	var we *web.Error
	if errors.As(err, &we) {
		return we.Code
	}
	return ""
}

func pair(ctx context.Context, db *store.DB, s *device.Service, code, name string, kind device.Kind) (*device.Device, error) {
	var d *device.Device
	err := db.Tx(ctx, func(tx *store.Tx) error {
		var err error
		d, err = s.Pair(ctx, tx, who, code, name, kind)
		return err
	})
	return d, err
}

func TestPairingFlow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
		s := device.New(db, device.Options{Clock: fake})
		req, err := s.RequestPairing(ctx, device.KindKiosk, "Chromium 1080x1920", "10.0.0.5")
		if err != nil || len(req.Code) != 6 || req.Claim == "" {
			t.Fatalf("request: %+v %v", req, err)
		}
		if st, _ := s.Claim(ctx, req.Code, req.Claim); st.State != "waiting" {
			t.Fatalf("before pairing: %+v", st)
		}
		if _, err := pair(ctx, db, s, req.Code, "一楼自助机", device.KindScreen); code(err) != web.CodeInvalid {
			t.Fatalf("wrong kind: %v", err)
		}
		if _, err := pair(ctx, db, s, "000000", "x", device.KindKiosk); code(err) != web.CodeNotFound {
			t.Fatalf("unknown code: %v", err)
		}
		d, err := pair(ctx, db, s, req.Code, "一楼自助机", device.KindKiosk)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pair(ctx, db, s, req.Code, "again", device.KindKiosk); code(err) != web.CodeConflict {
			t.Fatalf("pair twice: %v", err)
		}
		// Someone who only saw the code on the screen gets nothing.
		if st, _ := s.Claim(ctx, req.Code, "guessed"); st.Token != "" || st.State != "expired" {
			t.Fatalf("claim without the secret: %+v", st)
		}
		st, err := s.Claim(ctx, req.Code, req.Claim)
		if err != nil || st.State != "paired" || st.Token == "" || st.Device.ID != d.ID {
			t.Fatalf("claim: %+v %v", st, err)
		}
		if st2, _ := s.Claim(ctx, req.Code, req.Claim); st2.Token != "" {
			t.Fatal("token handed out twice")
		}
		got, err := s.Authenticate(ctx, st.Token)
		if err != nil || got == nil || got.ID != d.ID || got.Kind != device.KindKiosk {
			t.Fatalf("authenticate: %+v %v", got, err)
		}
		if err := s.Revoke(ctx, who, d.ID, "replaced"); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Authenticate(ctx, st.Token); got != nil {
			t.Fatal("revoked token still works")
		}
		rows, _ := audit.List(ctx, db, audit.Filter{ObjectType: "device"})
		if len(rows) != 2 {
			t.Fatalf("audit rows %d, want pair and revoke", len(rows))
		}
	}, audit.Migrations, auth.Migrations, device.Migrations)
}

func TestPairingCodesExpire(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
		s := device.New(db, device.Options{Clock: fake})
		req, _ := s.RequestPairing(ctx, device.KindScreen, "", "")
		fake.Advance(11 * time.Minute)
		if _, err := pair(ctx, db, s, req.Code, "late", device.KindScreen); code(err) != web.CodeNotFound {
			t.Fatalf("expired code paired: %v", err)
		}
		if st, _ := s.Claim(ctx, req.Code, req.Claim); st.State != "expired" {
			t.Fatalf("claim of an expired request: %+v", st)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations)
}

// Tokens are cached; a revocation by another service on the same database
// (another instance, on PostgreSQL through LISTEN/NOTIFY) empties the cache
// through the change bus, and a change that sent no event at all stops
// counting after the cache's minute.
func TestTokenCacheFollowsRevocations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
		s := device.New(db, device.Options{Clock: fake})
		defer s.Close()
		other := device.New(db, device.Options{Clock: fake})
		defer other.Close()
		token := func(name string) (string, int64) {
			req, err := s.RequestPairing(ctx, device.KindKiosk, "", "10.0.0.5")
			if err != nil {
				t.Fatal(err)
			}
			d, err := pair(ctx, db, s, req.Code, name, device.KindKiosk)
			if err != nil {
				t.Fatal(err)
			}
			st, err := s.Claim(ctx, req.Code, req.Claim)
			if err != nil || st.Token == "" {
				t.Fatalf("claim: %+v %v", st, err)
			}
			return st.Token, d.ID
		}
		tok, id := token("东厅自助机")
		if got, err := s.Authenticate(ctx, tok); err != nil || got == nil || got.ID != id {
			t.Fatalf("authenticate: %+v %v", got, err)
		}
		if err := other.Revoke(ctx, who, id, "stolen"); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(10 * time.Second)
		for {
			got, err := s.Authenticate(ctx, tok)
			if err != nil {
				t.Fatal(err)
			}
			if got == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("a revocation by another service did not reach the token cache")
			}
			time.Sleep(10 * time.Millisecond)
		}

		// No event: the cached device counts until the minute is over.
		tok2, id2 := token("西厅自助机")
		if got, _ := s.Authenticate(ctx, tok2); got == nil {
			t.Fatal("second device not authenticated")
		}
		if _, err := db.Exec(ctx, "UPDATE devices SET token_hash = NULL, revoked_at = ? WHERE id = ?", fake.Now(), id2); err != nil {
			t.Fatal(err)
		}
		fake.Advance(61 * time.Second)
		if got, _ := s.Authenticate(ctx, tok2); got != nil {
			t.Fatal("a token revoked without an event still works after the cache's minute")
		}
	}, audit.Migrations, auth.Migrations, device.Migrations)
}
