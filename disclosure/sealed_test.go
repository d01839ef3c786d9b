package disclosure_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
)

func withKeys(t *testing.T, db *store.DB, keys *sealed.Keyring) *disclosure.Service {
	t.Helper()
	cal, err := calendar.New(calendar.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	return disclosure.New(db, disclosure.Options{Clock: clock.NewFake(nov10), Location: shanghai, Calendar: fixedCal{cal}, Keys: keys})
}

type rawRequest struct {
	Name        string `db:"name"`
	IDNumber    string `db:"id_number"`
	Phone       string `db:"phone"`
	Address     string `db:"address"`
	Description string `db:"description"`
	Note        string `db:"note"`
	LegalRep    string `db:"legal_rep"`
	SealKey     string `db:"seal_key"`
	NameMasked  string `db:"name_masked"`
	IDMasked    string `db:"id_masked"`
	PhoneMasked string `db:"phone_masked"`
	Last4       string `db:"phone_last4"`
}

// Requests keep the applicant's data sealed with the current key, bound
// to their row, with masked copies for lists; the detail opens what it
// shows, never the ID number or the phone; scans are sealed too.
func TestApplicantDataStoredSealed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		keys := newKeys(t)
		s := withKeys(t, db, keys)
		reg := registration(disclosure.ChannelPost, "2026-11-09")
		reg.Note = "申请人张三丰另留电话"
		r, err := s.Register(ctx, staff, reg, &web.File{Name: "张三丰.png", Data: pngScan})
		if err != nil {
			t.Fatal(err)
		}
		org := disclosure.Application{ApplicantType: "organisation", Name: "某某律师事务所", OrgCode: "91110000100000000X", LegalRep: "李四",
			ContactName: "王五", OrgKind: "legal_service", Phone: "010-6512 3456", Description: "某项目环评批复", Form: "paper", Delivery: "pickup"}
		if _, err := s.Submit(ctx, 0, org); err != nil {
			t.Fatal(err)
		}
		var rows []rawRequest
		if err := db.Select(ctx, &rows, "SELECT name, id_number, phone, address, description, note, legal_rep, seal_key, name_masked, id_masked, phone_masked, phone_last4 FROM disclosure_requests ORDER BY id"); err != nil {
			t.Fatal(err)
		}
		p, o := rows[0], rows[1]
		for _, v := range []string{p.Name, p.IDNumber, p.Phone, p.Address, p.Description, p.Note, o.Name, o.LegalRep, o.Phone} {
			if sealed.KeyID(v) != keys.Current() {
				t.Errorf("not sealed with the current key: %q", v)
			}
		}
		if p.SealKey != keys.Current() || p.NameMasked != "张**" || p.IDMasked != "110105********002X" || p.PhoneMasked != "138****5678" || p.Last4 != "5678" {
			t.Errorf("person row %+v", p)
		}
		if o.NameMasked != "某某律师事务所" || o.IDMasked != "" || o.PhoneMasked == "" {
			t.Errorf("organisation row %+v", o)
		}
		var scan struct {
			Name string `db:"name"`
			Data []byte `db:"data"`
			Key  string `db:"seal_key"`
		}
		if err := db.Get(ctx, &scan, "SELECT name, data, seal_key FROM disclosure_scans"); err != nil {
			t.Fatal(err)
		}
		if scan.Key != keys.Current() || sealed.KeyID(scan.Name) != scan.Key || strings.Contains(string(scan.Data), string(pngScan[8:])) {
			t.Errorf("scan stored %q %q", scan.Name, scan.Key)
		}
		full, err := s.Get(ctx, r.ID)
		if err != nil || full.Name != "张三丰" || full.Address != reg.Address || full.Note != reg.Note || full.IDMasked != "110105********002X" ||
			full.Scan == nil || full.Scan.Name != "张三丰.png" {
			t.Fatalf("detail %+v %v", full, err)
		}
		if _, data, err := s.Scan(ctx, r.ID); err != nil || string(data) != string(pngScan) {
			t.Fatalf("scan: %v", err)
		}
		// A sealed value copied into another row does not open there.
		if _, err := db.Exec(ctx, "UPDATE disclosure_requests SET address = ? WHERE id <> ?", p.Address, r.ID); err != nil {
			t.Fatal(err)
		}
		list, _ := s.List(ctx, true)
		if _, err := s.Get(ctx, list[0].ID); err == nil || !strings.Contains(err.Error(), "does not open") {
			t.Fatalf("a value moved between rows: %v", err)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations)
}

// A new key first: requests and scans are sealed again with it, in
// batches, while the old key still opens; then only the new key is needed.
func TestResealWithNewKey(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		k1, k2 := sealed.Generate(), sealed.Generate()
		before := withKeys(t, db, mustRing(t, k1))
		for i := range 205 {
			if i == 0 {
				if _, err := before.Register(ctx, staff, registration(disclosure.ChannelPost, "2026-11-09"), &web.File{Name: "a.png", Data: pngScan}); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if _, err := before.Submit(ctx, 0, application()); err != nil {
				t.Fatal(err)
			}
		}
		during := withKeys(t, db, mustRing(t, k2, k1))
		if n, err := during.Reseal(ctx, false); err != nil || n != 0 {
			t.Fatalf("plain rows only: %d %v", n, err)
		}
		if n, err := during.Reseal(ctx, true); err != nil || n != 206 {
			t.Fatalf("reseal: %d %v", n, err)
		}
		if c, err := during.SealedWith(ctx); err != nil || len(c) != 1 || c[k2.ID()] != 206 {
			t.Fatalf("counts %v %v", c, err)
		}
		after := withKeys(t, db, mustRing(t, k2))
		list, err := after.List(ctx, true)
		if err != nil || len(list) != 205 {
			t.Fatalf("list %d %v", len(list), err)
		}
		for _, r := range []int64{list[0].ID, list[len(list)-1].ID} {
			if full, err := after.Get(ctx, r); err != nil || full.Name != "张三丰" {
				t.Fatalf("request %d with the new key only: %v", r, err)
			}
		}
		if _, data, err := after.Scan(ctx, list[len(list)-1].ID); err != nil || string(data) != string(pngScan) {
			t.Fatalf("scan with the new key only: %v", err)
		}
	}, audit.Migrations, auth.Migrations, device.Migrations, disclosure.Migrations)
}

func mustRing(t *testing.T, keys ...*sealed.Key) *sealed.Keyring {
	t.Helper()
	r, err := sealed.NewKeyring(keys...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
