package backup_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/backup"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

func TestBackupIsAConsistentCopyWithRetention(t *testing.T) {
	db := storetest.SQLite(t, audit.Migrations)
	ctx := context.Background()
	if err := audit.Record(ctx, db, audit.Actor{Name: "t"}, audit.Entry{Action: "x.y"}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "backups")
	now := time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC)
	var last *backup.Result
	for i := 0; i < 4; i++ {
		res, err := backup.Run(ctx, db, dir, 3, now.AddDate(0, 0, i))
		if err != nil {
			t.Fatal(err)
		}
		last = res
	}
	// Three backups of two files each: the oldest pair went.
	files, _ := filepath.Glob(filepath.Join(dir, "hallcast-*.db"))
	if len(files) != 6 || filepath.Base(files[0]) != "hallcast-20261124-030000-records.db" || filepath.Base(files[1]) != "hallcast-20261124-030000.db" {
		t.Fatalf("kept %v", files)
	}
	if len(last.Removed) != 2 || len(last.Files) != 2 {
		t.Fatalf("result %+v", last)
	}
	copyDB, err := store.Open(ctx, store.Options{SQLitePath: last.Path})
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	rows, err := audit.List(ctx, copyDB, audit.Filter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("copy holds %d rows, %v", len(rows), err)
	}
	for _, f := range last.Files {
		if st, _ := os.Stat(f); st.Mode().Perm() != 0o640 {
			t.Fatalf("%s: mode %v", f, st.Mode())
		}
	}
}

func TestBackupRefusesPostgres(t *testing.T) {
	db := storetest.Postgres(t)
	_, err := backup.Run(context.Background(), db, t.TempDir(), 3, time.Now())
	if !errors.Is(err, store.ErrNotSQLite) {
		t.Fatalf("err = %v", err)
	}
}
