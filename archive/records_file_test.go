package archive_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
)

// TestBackupPairHoldsTheRecords copies a database with imported records:
// the copy's records file has them, and the check refuses a pair whose
// records file lacks some of a live import's records.
func TestBackupPairHoldsTheRecords(t *testing.T) {
	ctx := context.Background()
	db := openSQLiteAt(t, filepath.Join(t.TempDir(), "hallcast.db"), sets)
	f := newFixture(t, db)
	f.protect(nil)
	d := f.dataset("补贴")
	f.mustImport(d, archive.ModeReplace, csvFile(t, 3, 120, false))
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Backup(ctx, dest, archive.CheckBackup); err != nil {
		t.Fatal(err)
	}
	cp := openSQLiteAt(t, dest, sets)
	var n int
	if err := cp.Get(ctx, &n, "SELECT COUNT(*) FROM records.archive_records"); err != nil || n != 120 {
		t.Fatalf("the copy's records file holds %d records, %v", n, err)
	}
	if _, err := cp.Exec(ctx, "DELETE FROM archive_records WHERE source_row > 100"); err != nil {
		t.Fatal(err)
	}
	err := archive.CheckBackup(ctx, cp.Reader())
	if err == nil || !strings.Contains(err.Error(), "want 120") {
		t.Fatalf("check of a pair without 20 records: %v", err)
	}
}

// TestRecordsMoveToTheirOwnFile upgrades a database whose records are in
// the main file (archive migrations 1 and 2 only): the migration moves
// them to the records file, drops the old table, and its first step can
// run twice (a crash between its commit and the recording of its
// version) without duplicating anything.
func TestRecordsMoveToTheirOwnFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hallcast.db")
	old := fstest.MapFS{}
	err := fs.WalkDir(archive.Migrations.FS, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if strings.Contains(p, "/0001_") || strings.Contains(p, "/0002_") {
			b, err := fs.ReadFile(archive.Migrations.FS, p)
			old[p] = &fstest.MapFile{Data: b}
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db := openSQLiteAt(t, path, []store.Migrations{audit.Migrations, settings.Migrations, {Component: "archive", FS: old}})
	for i := range 500 {
		if _, err := db.Exec(ctx, `INSERT INTO main.archive_records (dataset_id, epoch, import_id, source_row, row_hash, key_hash, display)
			VALUES (1, 1, 1, ?, ?, ?, '{}')`, i+2, []byte{byte(i), byte(i >> 8)}, []byte{byte(i >> 8), byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Migrate(ctx, sets...); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var n int
		if err := db.Get(ctx, &n, "SELECT COUNT(*) FROM records.archive_records"); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); n != 500 {
		t.Fatalf("records file holds %d records, want 500", n)
	}
	var inMain int
	if err := db.Get(ctx, &inMain, "SELECT COUNT(*) FROM main.sqlite_master WHERE name LIKE 'archive_records%'"); err != nil || inMain != 0 {
		t.Fatalf("the main file still has %d archive_records objects, %v", inMain, err)
	}
	step, err := fs.ReadFile(archive.Migrations.FS, "sqlite/0003_records_file.sql")
	if err != nil {
		t.Fatal(err)
	}
	// The step again, as after a crash, with the old table back as it was.
	if _, err := db.Exec(ctx, `CREATE TABLE main.archive_records AS SELECT * FROM records.archive_records`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, string(step)); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 500 {
		t.Fatalf("after the step ran twice the records file holds %d records, want 500", n)
	}
}

// openSQLiteAt opens (and migrates with sets) a SQLite database at path.
func openSQLiteAt(t *testing.T, path string, sets []store.Migrations) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), store.Options{SQLitePath: path})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(context.Background(), sets...); err != nil {
		t.Fatal(err)
	}
	return db
}
