package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// A value overwritten in place stays in free space of the SQLite files
// (and in the write-ahead log) until Scrub rewrites them; PostgreSQL
// rewrites the named tables. Names that are not tables are refused.
func TestScrubLeavesNoOldValues(t *testing.T) {
	ctx := context.Background()
	secret := []byte("11010519491231002X")
	dir := t.TempDir()
	db, err := store.Open(ctx, store.Options{SQLitePath: filepath.Join(dir, "hallcast.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(ctx, "CREATE TABLE people (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	for range 50 {
		if _, err := db.Exec(ctx, "INSERT INTO people (v) VALUES (?)", string(secret)+" 张三丰 某县城关镇解放路1号"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(ctx, "UPDATE people SET v = 'sealed'"); err != nil {
		t.Fatal(err)
	}
	inFiles := func() bool {
		found := false
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			found = found || bytes.Contains(b, secret)
		}
		return found
	}
	if !inFiles() {
		t.Fatal("the old value is not in the files before the scrub: the test proves nothing")
	}
	if err := db.Scrub(ctx, "people"); err != nil {
		t.Fatal(err)
	}
	if inFiles() {
		t.Fatal("the old value is still in the files after the scrub")
	}
	if err := db.Scrub(ctx, "people; DROP TABLE people"); err == nil {
		t.Fatal("a bad table name is accepted")
	}
	pg := storetest.Postgres(t)
	if _, err := pg.Exec(ctx, "CREATE TABLE people (id BIGSERIAL PRIMARY KEY, v TEXT NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	if err := pg.Scrub(ctx, "people"); err != nil {
		t.Fatal(err)
	}
}
