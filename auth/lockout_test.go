package auth_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Issue 15, point 9: five bad attempts locked "admin" for 15 minutes for
// everyone. Now an attacker's five bad attempts from address A lock only
// (admin, A): the owner logs in from B, and an admin can lift the lock
// (audited).
func TestAttackerCannotLockTheOwnerOut(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		s, _ := newService(t, db)
		ctx := context.Background()
		root, _, err := s.Create(ctx, admin, auth.NewUser{Username: "admin", Role: auth.RoleAdmin, Password: "correct horse"})
		if err != nil {
			t.Fatal(err)
		}
		const attacker, owner = "203.0.113.9", "10.20.0.15"
		for i := 0; i < 5; i++ {
			if _, _, err := s.Login(ctx, "admin", "guess-"+string(rune('a'+i))+"-password", attacker, "curl"); code(err) != web.CodeBadCredential {
				t.Fatalf("guess %d: %v", i+1, err)
			}
		}
		if _, _, err := s.Login(ctx, "admin", "correct horse", attacker, "curl"); code(err) != web.CodeThrottled {
			t.Fatalf("the attacker's address after 5 misses: %v, want throttled", err)
		}
		if _, tok, err := s.Login(ctx, "admin", "correct horse", owner, "Chromium"); err != nil || tok == "" {
			t.Fatalf("the owner from another address: %v", err)
		}
		users, err := s.List(ctx)
		if err != nil || len(users) != 1 || !users[0].Locked {
			t.Fatalf("list: %+v %v", users, err)
		}

		if _, err := s.Unlock(ctx, audit.Actor{ID: root.ID, Name: "admin", IP: owner}, root.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Login(ctx, "admin", "correct horse", attacker, "curl"); err != nil {
			t.Fatalf("after the unlock: %v", err)
		}
		if users, _ := s.List(ctx); users[0].Locked {
			t.Fatal("still locked after the unlock")
		}
		rows, _ := audit.List(ctx, db, audit.Filter{Action: "user.unlock"})
		if len(rows) != 1 || rows[0].ObjectID != fmt.Sprint(root.ID) || rows[0].ActorName != "admin" {
			t.Fatalf("audit: %+v", rows)
		}
		if _, err := s.Unlock(ctx, admin, 999); !web.IsNotFound(err) {
			t.Fatalf("unknown user: %v", err)
		}
	})
}

// Issue 15, point 9: passwords like aaaaaaaaaaaa were accepted. Common
// passwords (English and Chinese lists), repetitions, sequences, keyboard
// walks and the user's own name are refused; long irregular ones pass.
func TestWeakPasswordsAreRefused(t *testing.T) {
	each(t, func(t *testing.T, db *store.DB) {
		s, _ := newService(t, db)
		ctx := context.Background()
		for _, pw := range []string{
			"aaaaaaaaaaaa", "1111111111", "1234567890", "abcdefghijkl", "qwertyuiop", "1qaz2wsx3edc", "password123",
			"P@ssw0rd1234", "woaini1314520", "zhangwei1990", "qq1234567890", "wangwei123456", "hallcast2026",
			"alice.wang2026", // the user name with a year
		} {
			_, _, err := s.Create(ctx, admin, auth.NewUser{Username: "alice.wang", Role: auth.RoleEditor, Password: pw})
			var we *web.Error
			if !asWebError(err, &we) || we.Code != auth.CodeWeakPassword || we.Field != "password" {
				t.Errorf("%q: %v, want weak_password", pw, err)
			}
		}
		for i, pw := range []string{"correct horse", "tea-kettle-moon-42", "铁皮屋顶上的猫2026春"} {
			if _, _, err := s.Create(ctx, admin, auth.NewUser{Username: "user" + string(rune('a'+i)), Role: auth.RoleEditor, Password: pw}); err != nil {
				t.Errorf("%q refused: %v", pw, err)
			}
		}
		u, _, _ := s.Create(ctx, admin, auth.NewUser{Username: "bob", Role: auth.RoleEditor})
		if _, err := s.SetPassword(ctx, admin, u.ID, "bob1234567890", false); code(err) != auth.CodeWeakPassword {
			t.Errorf("reset to a weak password: %v", err)
		}
	})
}

func asWebError(err error, we **web.Error) bool {
	e, ok := err.(*web.Error)
	*we = e
	return ok
}
