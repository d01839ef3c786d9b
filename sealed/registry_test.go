package sealed_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// An instance whose keys are not those the database's data is sealed
// with (a key file of its own beside a shared PostgreSQL, a key left out
// of a rotation, a retired key put back first) refuses to start.
func TestRegisterRefusesForeignKeys(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC)
		k1, k2, other := sealed.Generate(), sealed.Generate(), sealed.Generate()
		if err := sealed.Register(ctx, db, ring(t, k1), now); err != nil {
			t.Fatal(err)
		}
		if err := sealed.Register(ctx, db, ring(t, k1), now); err != nil {
			t.Fatalf("the same key again: %v", err)
		}
		if err := sealed.Register(ctx, db, ring(t, other), now); err == nil || !strings.Contains(err.Error(), k1.ID()) {
			t.Fatalf("a key of its own: %v", err)
		}
		// A rotation: the new key first, the old one still opens.
		now = now.Add(time.Hour)
		if err := sealed.Register(ctx, db, ring(t, k2, k1), now); err != nil {
			t.Fatal(err)
		}
		if err := sealed.Register(ctx, db, ring(t, k1), now); err == nil || !strings.Contains(err.Error(), k2.ID()) {
			t.Fatalf("without the new key: %v", err)
		}
		if err := sealed.Retire(ctx, db, k1.ID(), now); err != nil {
			t.Fatal(err)
		}
		if err := sealed.Register(ctx, db, ring(t, k2), now); err != nil {
			t.Fatalf("after retiring the old key: %v", err)
		}
		if err := sealed.Register(ctx, db, ring(t, k1, k2), now); err == nil || !strings.Contains(err.Error(), "retired") {
			t.Fatalf("a retired key sealing again: %v", err)
		}
		list, err := sealed.Registry(ctx, db)
		if err != nil || len(list) != 2 || list[0].ID != k1.ID() || list[0].RetiredAt == nil || list[1].RetiredAt != nil {
			t.Fatalf("registry %+v %v", list, err)
		}
	}, sealed.Migrations)
}
