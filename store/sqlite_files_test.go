package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/store"
)

// TestRecordsFileMustBelongToItsMainFile opens a database, then the same
// main file with its records file missing and with another database's:
// both are refused with a message naming the file, and nothing changes.
func TestRecordsFileMustBelongToItsMainFile(t *testing.T) {
	ctx := context.Background()
	open := func(path string) error {
		db, err := store.Open(ctx, store.Options{SQLitePath: path})
		if err == nil {
			db.Close()
		}
		return err
	}
	a := filepath.Join(t.TempDir(), "hallcast.db")
	b := filepath.Join(t.TempDir(), "hallcast.db")
	for _, p := range []string{a, b, a} {
		if err := open(p); err != nil {
			t.Fatalf("open %s: %v", p, err)
		}
	}
	recA, recB := store.AttachedPath(a, store.RecordsSchema), store.AttachedPath(b, store.RecordsSchema)
	if filepath.Base(recA) != "hallcast-records.db" {
		t.Fatalf("records file %s", recA)
	}
	if err := os.Rename(recA, recA+".aside"); err != nil {
		t.Fatal(err)
	}
	if err := open(a); err == nil || !strings.Contains(err.Error(), recA+" is missing or new") {
		t.Fatalf("open without the records file: %v", err)
	}
	os.Remove(recA)
	b2, err := os.ReadFile(recB)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(recA, b2, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := open(a); err == nil || !strings.Contains(err.Error(), "belongs to another database") {
		t.Fatalf("open with another database's records file: %v", err)
	}
	if err := os.Rename(recA+".aside", recA); err != nil {
		t.Fatal(err)
	}
	if err := open(a); err != nil {
		t.Fatalf("open with its own records file back: %v", err)
	}
}
