package auth_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

var admin = audit.Actor{Name: "test"}

func newService(t *testing.T, db *store.DB) (*auth.Service, *clock.Fake) {
	fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	return auth.New(db, auth.Options{BcryptCost: bcrypt.MinCost, Clock: fake, SessionTTL: time.Hour}), fake
}

func each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	storetest.Each(t, fn, audit.Migrations, auth.Migrations)
}

func code(err error) web.Code {
	var we *web.Error
	if errors.As(err, &we) {
		return we.Code
	}
	return ""
}

func TestCreateValidatesAndRefusesDuplicates(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		s, _ := newService(t, db)
		ctx := context.Background()
		u, pw, err := s.Create(ctx, admin, auth.NewUser{Username: " Alice ", Role: auth.RoleEditor})
		if err != nil {
			t.Fatal(err)
		}
		if u.Username != "alice" || len(pw) != 16 || !u.MustChangePassword {
			t.Fatalf("created %+v with password %q", u, pw)
		}
		_, _, err = s.Create(ctx, admin, auth.NewUser{Username: "alice", Role: auth.RoleEditor, Password: "long enough pw"})
		if code(err) != web.CodeConflict {
			t.Fatalf("duplicate: %v", err)
		}
		for _, bad := range []auth.NewUser{
			{Username: "", Role: auth.RoleEditor},
			{Username: "a b", Role: auth.RoleEditor},
			{Username: "bob", Role: "root"},
			{Username: "bob", Role: auth.RoleEditor, Password: "short"},
		} {
			if _, _, err := s.Create(ctx, admin, bad); err == nil {
				t.Errorf("accepted %+v", bad)
			}
		}
		rows, err := audit.List(ctx, db, audit.Filter{Action: "user.create"})
		if err != nil || len(rows) != 1 || rows[0].ObjectType != "user" {
			t.Fatalf("audit: %+v, %v", rows, err)
		}
		if len(rows[0].After) == 0 || strings.Contains(string(rows[0].After), "$2a$") {
			t.Fatalf("audit after holds the hash: %s", rows[0].After)
		}
	})
}

func TestLoginThrottlesAfterFiveFailures(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		s, fake := newService(t, db)
		ctx := context.Background()
		if _, _, err := s.Create(ctx, admin, auth.NewUser{Username: "bob", Role: auth.RoleReviewer, Password: "correct horse"}); err != nil {
			t.Fatal(err)
		}
		for i := 1; i <= 5; i++ {
			_, _, err := s.Login(ctx, "bob", "wrong password", "10.0.0.1", "test")
			if code(err) != web.CodeBadCredential {
				t.Fatalf("attempt %d: %v", i, err)
			}
		}
		_, _, err := s.Login(ctx, "bob", "correct horse", "10.0.0.1", "test")
		if code(err) != web.CodeThrottled {
			t.Fatalf("sixth attempt with the right password from the same address: %v, want throttled", err)
		}
		fake.Advance(16 * time.Minute)
		u, token, err := s.Login(ctx, "bob", "correct horse", "10.0.0.1", "test")
		if err != nil || token == "" || u.Username != "bob" {
			t.Fatalf("after the lock: %v", err)
		}
		rows, _ := audit.List(ctx, db, audit.Filter{Action: "auth.login_failed"})
		if len(rows) != 5 {
			t.Fatalf("audited %d failed logins, want 5", len(rows))
		}
	})
}

func TestLoginThrottlesPerAddress(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		s, _ := newService(t, db)
		ctx := context.Background()
		s.Create(ctx, admin, auth.NewUser{Username: "carol", Role: auth.RoleEditor, Password: "correct horse"})
		for i := 0; i < 20; i++ {
			s.Login(ctx, "nobody"+string(rune('a'+i)), "x", "10.9.9.9", "test")
		}
		if _, _, err := s.Login(ctx, "carol", "correct horse", "10.9.9.9", "test"); code(err) != web.CodeThrottled {
			t.Fatalf("address after 20 failures: %v", err)
		}
		if _, _, err := s.Login(ctx, "carol", "correct horse", "10.1.1.1", "test"); err != nil {
			t.Fatalf("other address: %v", err)
		}
	})
}

func TestSessionsExpireSlideAndEnd(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		s, fake := newService(t, db)
		ctx := context.Background()
		s.Create(ctx, admin, auth.NewUser{Username: "dan", Role: auth.RoleEditor, Password: "correct horse"})
		_, token, err := s.Login(ctx, "dan", "correct horse", "127.0.0.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		fake.Advance(50 * time.Minute)
		if u, _ := s.SessionUser(ctx, token); u == nil {
			t.Fatal("session ended before its TTL")
		}
		fake.Advance(50 * time.Minute) // slid forward at the last use
		if u, _ := s.SessionUser(ctx, token); u == nil {
			t.Fatal("session did not slide")
		}
		fake.Advance(61 * time.Minute)
		if u, _ := s.SessionUser(ctx, token); u != nil {
			t.Fatal("idle session still valid after its TTL")
		}
		_, token, _ = s.Login(ctx, "dan", "correct horse", "127.0.0.1", "test")
		s.EndSession(ctx, token)
		if u, _ := s.SessionUser(ctx, token); u != nil {
			t.Fatal("session valid after logout")
		}
		if u, _ := s.SessionUser(ctx, "forged"); u != nil {
			t.Fatal("forged token accepted")
		}
	})
}

func TestDisableEndsSessionsAndLastAdminIsKept(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		s, _ := newService(t, db)
		ctx := context.Background()
		root, _, _ := s.Create(ctx, admin, auth.NewUser{Username: "root", Role: auth.RoleAdmin, Password: "correct horse"})
		ed, _, _ := s.Create(ctx, admin, auth.NewUser{Username: "ed", Role: auth.RoleEditor, Password: "correct horse"})
		_, token, _ := s.Login(ctx, "ed", "correct horse", "127.0.0.1", "test")
		yes := true
		if _, err := s.Update(ctx, admin, ed.ID, auth.Change{Disabled: &yes}); err != nil {
			t.Fatal(err)
		}
		if u, _ := s.SessionUser(ctx, token); u != nil {
			t.Fatal("disabled user's session still valid")
		}
		if _, _, err := s.Login(ctx, "ed", "correct horse", "127.0.0.1", "test"); code(err) != web.CodeBadCredential {
			t.Fatalf("disabled login: %v", err)
		}
		if _, err := s.Update(ctx, admin, root.ID, auth.Change{Disabled: &yes}); code(err) != web.CodeInvalidState {
			t.Fatalf("disable the last admin: %v", err)
		}
		editor := auth.RoleEditor
		if _, err := s.Update(ctx, admin, root.ID, auth.Change{Role: &editor}); code(err) != web.CodeInvalidState {
			t.Fatalf("demote the last admin: %v", err)
		}
	})
}

func TestEnsureAdminOnce(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		s, _ := newService(t, db)
		ctx := context.Background()
		pw, err := s.EnsureAdmin(ctx)
		if err != nil || pw == "" {
			t.Fatalf("first start: %q, %v", pw, err)
		}
		u, _, err := s.Login(ctx, "admin", pw, "127.0.0.1", "test")
		if err != nil || u.Role != auth.RoleAdmin || !u.MustChangePassword {
			t.Fatalf("bootstrap admin: %+v, %v", u, err)
		}
		if pw2, err := s.EnsureAdmin(ctx); err != nil || pw2 != "" {
			t.Fatalf("second start created another admin: %q, %v", pw2, err)
		}
	})
}

func TestRoleAllows(t *testing.T) {
	cases := []struct {
		have, need auth.Role
		ok         bool
	}{
		{auth.RoleAdmin, auth.RoleReviewer, true},
		{auth.RoleAdmin, auth.RoleEditor, true},
		{auth.RoleEditor, auth.RoleEditor, true},
		{auth.RoleEditor, auth.RoleReviewer, false},
		{auth.RoleReviewer, auth.RoleEditor, false},
		{auth.RoleEditor, auth.RoleAdmin, false},
		{auth.RoleReviewer, "", true},
	}
	for _, c := range cases {
		if got := c.have.Allows(c.need); got != c.ok {
			t.Errorf("%s allows %q = %v, want %v", c.have, c.need, got, c.ok)
		}
	}
}
