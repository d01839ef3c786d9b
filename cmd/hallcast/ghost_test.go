package main

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// An import killed with kill -9 halfway leaves its import running and
// excelize's copy of the sheet on disk. The next start ends it at once
// (its lock is free), deletes what it left, and imports go on.
func TestKilledImportIsEndedAtTheNextStart(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		ctx := context.Background()
		cfg := servertest.Config(t)
		if d == store.Postgres {
			cfg.DatabaseURL = storetest.PostgresURL(t)
		}
		app, err := server.Open(ctx, cfg, slog.New(slog.DiscardHandler), server.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ds, err := app.Archive.CreateDataset(ctx, audit.Actor{Name: "test"}, archivegen.Dataset("补贴"))
		app.Close(ctx)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "补贴.xlsx")
		if err := archivegen.New(9).WriteXLSX(file, 60000); err != nil { // a 26 MB sheet: excelize copies it to a file
			t.Fatal(err)
		}

		args := []string{"import", "--dataset", "补贴", "--data-dir", cfg.DataDir}
		if cfg.DatabaseURL != "" {
			args = append(args, "--database-url", cfg.DatabaseURL)
		}
		cmd := exec.Command(os.Args[0], append(args, file)...)
		cmd.Env = append(os.Environ(), "HALLCAST_TEST_AS_MAIN=1")
		logs := &syncBuffer{}
		cmd.Stdout, cmd.Stderr = logs, logs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		db, err := store.Open(ctx, store.Options{URL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath()})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var im archive.Import
		for i := 0; ; i++ {
			err := db.Get(ctx, &im, "SELECT id, state, rows_read FROM archive_imports ORDER BY id DESC LIMIT 1")
			if err == nil && im.State == archive.StateRunning && im.RowsRead > 0 {
				break
			}
			if i > 1500 || err == nil && im.State != archive.StateRunning {
				t.Fatalf("the import did not get going: %+v %v\n%s", im, err, logs)
			}
			time.Sleep(20 * time.Millisecond)
		}
		if err := cmd.Process.Kill(); err != nil { // SIGKILL: no defer runs
			t.Fatal(err)
		}
		cmd.Wait()
		left, _ := filepath.Glob(filepath.Join(cfg.DataDir, "uploads", "run-*", "*"))
		if len(left) < 2 {
			t.Fatalf("the killed import left %q; want its lock and excelize's copy of the sheet", left)
		}

		// The next start.
		app, err = server.Open(ctx, cfg, slog.New(slog.DiscardHandler), server.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer app.Close(ctx)
		ghost, err := app.Archive.GetImport(ctx, im.ID)
		if err != nil || ghost.State != archive.StateFailed || !strings.Contains(ghost.Error, "interrupted by a restart") {
			t.Fatalf("after the restart: %+v %v", ghost, err)
		}
		if left, _ := filepath.Glob(filepath.Join(cfg.DataDir, "uploads", "run-*", "*")); len(left) != 1 || filepath.Base(left[0]) != "lock" {
			t.Fatalf("left after the restart: %q", left)
		}
		// A re-import is accepted at once, and a cancel stops it.
		var job *archive.Job
		req := archive.ImportRequest{DatasetID: ds.ID, Mode: archive.ModeReplace, Path: file, FileName: "补贴.xlsx", Actor: audit.Actor{Name: "test"}}
		req.OnProgress = func(p archive.Progress) {
			if p.RowsRead > 0 && !p.Done {
				if err := app.Archive.CancelImport(ctx, audit.Actor{Name: "test"}, job.ID); err != nil && !strings.Contains(err.Error(), "not running") {
					t.Error(err)
				}
			}
		}
		if job, err = app.Archive.StartImport(ctx, req); err != nil {
			t.Fatalf("re-import: %v", err)
		}
		if im, err := job.Run(ctx); err == nil || im.State != archive.StateCancelled {
			t.Fatalf("cancelled re-import: %+v %v", im, err)
		}
	})
}
