package archive_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/store"
)

// TestDatabaseFileHoldsNoPlaintextIDs imports, queries and audits, then
// reads every file of the data folder (the SQLite files and their WALs)
// byte by byte: no ID number, card
// number or full name from the file may be there.
func TestDatabaseFileHoldsNoPlaintextIDs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hallcast.db")
	db, err := store.Open(ctx, store.Options{SQLitePath: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx, sets...); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, db)
	f.protect(func(p *archive.Protection) { p.SlowAfter = 0 }) // 7 misses of one kiosk
	d := f.dataset("补贴")
	const rows = 300
	f.mustImport(d, archive.ModeReplace, csvFile(t, 9, rows, true))
	people := archivegen.People(9, rows)
	// Lookups, hits and misses, by kiosks and by an admin, are audited.
	for i, p := range people[:20] {
		keys := p.Keys()
		if i%2 == 1 {
			keys["card_last4"] = "0000"
		}
		if _, err := f.svc.Lookup(ctx, archive.LookupRequest{DatasetID: d.ID, Keys: keys, Kiosk: "kiosk-1", Test: i%3 == 0}); err != nil {
			t.Fatalf("lookup %d: %v", i, err)
		}
	}
	// Every file of the data folder: the main file, the records file and
	// their write-ahead logs.
	files, err := filepath.Glob(filepath.Join(filepath.Dir(path), "*"))
	if err != nil {
		t.Fatal(err)
	}
	if want := store.AttachedPath(path, store.RecordsSchema); !slices.Contains(files, want) {
		t.Fatalf("files %v: no %s", files, want)
	}
	var all []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, b...)
	}
	if len(all) < 10000 {
		t.Fatalf("only %d bytes read", len(all))
	}
	if !bytes.Contains(all, []byte(people[0].ID[:6]+"********")) {
		t.Fatal("masked ID numbers not found: the check reads the wrong file")
	}
	for _, p := range people {
		for what, s := range map[string]string{"ID number": p.ID, "ID body": p.ID[:17], "card": p.Card, "birth+seq": p.ID[6:17]} {
			if bytes.Contains(all, []byte(s)) {
				t.Fatalf("the database holds a plaintext %s", what)
			}
		}
		if n := []rune(p.Name); len(n) > 1 && bytes.Contains(all, []byte(p.Name)) {
			t.Fatalf("the database holds a full name")
		}
	}
}
