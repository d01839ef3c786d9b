package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/store"
)

// prepareDataset creates the generator's dataset in the data folder, as
// an admin would in the web UI.
func prepareDataset(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{SQLitePath: filepath.Join(dir, "hallcast.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx, server.Migrations()...); err != nil {
		t.Fatal(err)
	}
	key, err := archive.LoadOrCreateKey(filepath.Join(dir, "archive.key"))
	if err != nil {
		t.Fatal(err)
	}
	svc := archive.New(archive.Options{DB: db, Key: key})
	defer svc.Close()
	if _, err := svc.CreateDataset(ctx, audit.Actor{Name: "test"}, archivegen.Dataset("补贴")); err != nil {
		t.Fatal(err)
	}
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	prepareDataset(t, dir)
	var b bytes.Buffer
	if err := archivegen.New(5).WriteCSV(&b, 30, true); err != nil {
		t.Fatal(err)
	}
	b.WriteString("31,李四,123\r\n")
	file := filepath.Join(dir, "补贴.csv")
	if err := os.WriteFile(file, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd(t, "import", "--dataset", "补贴", "--data-dir", dir, file)
	if code != 0 || !strings.Contains(out, "added 30, duplicates 0, not imported 1") || !strings.Contains(out, "row 32: columns: 3 columns, the header has 9") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errs)
	}
	if !strings.Contains(errs, "progress: ") {
		t.Fatalf("no progress lines on a non-terminal: %q", errs)
	}
	code, out, _ = runCmd(t, "import", "--dataset", "1", "--mode", "append", "--data-dir", dir, file)
	if code != 0 || !strings.Contains(out, "added 0, duplicates 30") || !strings.Contains(out, "(same as row 2 of import #1)") {
		t.Fatalf("again: %d\n%s", code, out)
	}
	if code, _, errs := runCmd(t, "import", "--dataset", "nope", "--data-dir", dir, file); code != 1 || !strings.Contains(errs, "not found") {
		t.Fatalf("unknown dataset: %d %s", code, errs)
	}
	if code, _, _ := runCmd(t, "import", "--data-dir", dir, file); code != 2 {
		t.Fatalf("no dataset: %d", code)
	}
}
