package suggestion_test

import (
	"context"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/suggestion"
)

func withKeys(t *testing.T, db *store.DB, keys ...*sealed.Key) *suggestion.Service {
	t.Helper()
	r, err := sealed.NewKeyring(keys...)
	if err != nil {
		t.Fatal(err)
	}
	return suggestion.New(db, suggestion.Options{Clock: clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)), Keys: r})
}

// The phone and the message are stored sealed, the phone's masked copy
// beside them; the list opens the message; the lookup still compares the
// last four digits. A new key first: every message is sealed again and
// the old key is no longer needed.
func TestMessagesStoredSealed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		k1, k2 := sealed.Generate(), sealed.Generate()
		s := withKeys(t, db, k1)
		var nos []string
		for range 203 {
			rc, err := s.Submit(ctx, 0, suggestion.Input{Category: "complaint", Body: "我是张三，请回电13900001234", Phone: "13900001234"})
			if err != nil {
				t.Fatal(err)
			}
			nos = append(nos, rc.TrackingNo)
		}
		if _, err := s.Submit(ctx, 0, suggestion.Input{Category: "praise", Body: "很好"}); err != nil {
			t.Fatal(err)
		}
		var raw []struct {
			Phone  string `db:"phone"`
			Body   string `db:"body"`
			Masked string `db:"phone_masked"`
			Key    string `db:"seal_key"`
		}
		if err := db.Select(ctx, &raw, "SELECT phone, body, phone_masked, seal_key FROM suggestions ORDER BY id"); err != nil {
			t.Fatal(err)
		}
		if r := raw[0]; r.Key != k1.ID() || sealed.KeyID(r.Phone) != k1.ID() || sealed.KeyID(r.Body) != k1.ID() || r.Masked != "139****1234" {
			t.Fatalf("stored %+v", r)
		}
		if r := raw[len(raw)-1]; r.Phone != "" || r.Masked != "" || sealed.KeyID(r.Body) != k1.ID() {
			t.Fatalf("without a phone %+v", r)
		}
		rotating := withKeys(t, db, k2, k1)
		if n, err := rotating.Reseal(ctx, true); err != nil || n != 204 {
			t.Fatalf("reseal %d %v", n, err)
		}
		after := withKeys(t, db, k2)
		list, err := after.List(ctx, true)
		if err != nil || len(list) != 204 || list[len(list)-1].Body != "我是张三，请回电13900001234" || list[len(list)-1].PhoneMasked != "139****1234" {
			t.Fatalf("list %d %v", len(list), err)
		}
		if st, err := after.Lookup(ctx, nos[0], "1234"); err != nil || st.Status != "received" {
			t.Fatalf("lookup %+v %v", st, err)
		}
		if c, err := after.SealedWith(ctx); err != nil || len(c) != 1 || c[k2.ID()] != 204 {
			t.Fatalf("counts %v %v", c, err)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, suggestion.Migrations)
}
