package archive_test

import (
	"errors"
	"testing"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

// A name typed on the pinyin keyboard can be a key: whole, in Chinese
// characters.
func TestNameKey(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.protect(nil)
		in := archivegen.Dataset("按姓名查询")
		in.Definition.Keys = []archive.QueryKey{
			{Name: "name", Label: "姓名", Field: "name", Keypad: archive.KeypadName, Last: 1},
			{Name: "card_last4", Label: "银行卡号后四位", Field: "card", Last: 4, Keypad: archive.KeypadDigits},
		}
		var we *web.Error
		if _, err := f.svc.CreateDataset(t.Context(), admin, in); !errors.As(err, &we) || we.Field != "keys[0].last" {
			t.Fatalf("a name cut to its last characters: %v", err)
		}
		in.Definition.Keys[0].Last = 0
		d, err := f.svc.CreateDataset(t.Context(), admin, in)
		if err != nil {
			t.Fatal(err)
		}
		f.mustImport(d, archive.ModeReplace, csvFile(t, 4, 30, true))
		p := archivegen.People(4, 30)[2]
		if res := f.lookup(d, map[string]string{"name": p.Name, "card_last4": p.Card[len(p.Card)-4:]}); !res.Found {
			t.Fatalf("%s not found by name", p.Name)
		}
		_, err = f.svc.Lookup(t.Context(), archive.LookupRequest{DatasetID: d.ID, Keys: map[string]string{"name": "zhang", "card_last4": "1234"}, Kiosk: "k1"})
		if !errors.As(err, &we) || (we.Field != "keys.name" && (len(we.Details) == 0 || we.Details[0].Field != "keys.name")) {
			t.Fatalf("latin letters for a name: %v", err)
		}
	}, sets...)
}
