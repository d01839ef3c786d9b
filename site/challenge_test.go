package site

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestFormTokens checks the forms' challenge on both databases: a token
// of another form or altered is refused, one sent too fast or too late is
// sent back, a valid one is used once, and the key is shared by
// instances of one database.
func TestFormTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
		k, err := loadTokenKey(ctx, db, c)
		if err != nil {
			t.Fatal(err)
		}
		other, err := loadTokenKey(ctx, db, c)
		if err != nil || string(other.secret) != string(k.secret) {
			t.Fatalf("a second instance has another key: %v", err)
		}
		tok := k.issue("apply")
		if _, err := k.check("apply", tok, 3*time.Second, time.Hour); !errors.Is(err, errTooFast) {
			t.Fatalf("at once: %v", err)
		}
		c.Advance(4 * time.Second)
		if _, err := k.check("rate", tok, 3*time.Second, time.Hour); !errors.Is(err, errToken) {
			t.Fatalf("another form's token: %v", err)
		}
		altered := tok[:len(tok)-1] + "0"
		if tok[len(tok)-1] == '0' {
			altered = tok[:len(tok)-1] + "1"
		}
		if _, err := k.check("apply", altered, 3*time.Second, time.Hour); !errors.Is(err, errToken) {
			t.Fatalf("an altered token: %v", err)
		}
		nonce, err := other.check("apply", tok, 3*time.Second, time.Hour)
		if err != nil {
			t.Fatalf("a valid token on another instance: %v", err)
		}
		if err := k.use(ctx, nonce, time.Hour); err != nil {
			t.Fatal(err)
		}
		if err := other.use(ctx, nonce, time.Hour); !errors.Is(err, errUsed) {
			t.Fatalf("used twice: %v", err)
		}
		c.Advance(2 * time.Hour)
		if _, err := k.check("apply", tok, 3*time.Second, time.Hour); !errors.Is(err, errExpired) {
			t.Fatalf("late: %v", err)
		}
	}, Migrations)
}

// TestCacheFollowsChanges: a change empties the cache and moves its
// Last-Modified; a full cache starts again; size 0 keeps nothing.
func TestCacheFollowsChanges(t *testing.T) {
	start := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	c := newCache(2, start)
	e := c.put("a", "text/plain", []byte("A"))
	if c.get("a") != e || !e.modified.Equal(start) || e.etag == "" {
		t.Fatalf("entry %+v", e)
	}
	if newEntry("text/plain", []byte("A")).etag != e.etag || newEntry("text/plain", []byte("B")).etag == e.etag {
		t.Fatal("the ETag is not the body's")
	}
	c.clear(start.Add(time.Minute))
	if c.get("a") != nil || !c.changed().Equal(start.Add(time.Minute)) {
		t.Fatal("a change kept the entry or the time")
	}
	c.put("a", "", nil)
	c.put("b", "", nil)
	c.put("c", "", nil)
	if c.get("a") != nil || c.get("c") == nil {
		t.Fatal("a full cache did not start again")
	}
	c.max = 0
	c.put("d", "", nil)
	if c.get("d") != nil {
		t.Fatal("size 0 kept an entry")
	}
}
