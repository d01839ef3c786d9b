package archive_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/web"
	"github.com/hallcast/hallcast/workbook/workbooktest"
)

// process starts another archive service on the fixture's database, with
// its upload folder upload: another process, or the same after a restart.
func (f *fixture) process(upload string) *archive.Service {
	f.t.Helper()
	key, _ := archive.NewKey([]byte(strings.Repeat("\x07", 32)))
	svc := archive.New(archive.Options{DB: f.db, Key: key, Settings: settings.New(f.db, f.clock), Clock: f.clock, Location: shanghai, UploadDir: upload})
	f.t.Cleanup(svc.Close)
	return svc
}

// start records an import of path as running, without running it.
func (f *fixture) start(svc *archive.Service, d *archive.Dataset, path string) *archive.Job {
	f.t.Helper()
	job, err := svc.StartImport(context.Background(), archive.ImportRequest{DatasetID: d.ID, Mode: archive.ModeReplace, Path: path,
		FileName: filepath.Base(path), Actor: admin, RemoveFile: true})
	if err != nil {
		f.t.Fatalf("start import: %v", err)
	}
	return job
}

const deadToken = "0123456789abcdef01234567"

// killed leaves in upload what a process killed while it imported leaves
// (its work folder, with a lock nobody holds and the file it was reading)
// and gives it the import: the state after kill -9.
func (f *fixture) killed(upload string, importID int64) (file string) {
	f.t.Helper()
	dir := filepath.Join(upload, "run-"+deadToken)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		f.t.Fatal(err)
	}
	file = filepath.Join(dir, "archive-1.upload")
	for _, p := range []string{filepath.Join(dir, "lock"), file, filepath.Join(dir, "excelize-2")} {
		if err := os.WriteFile(p, []byte("110105194912310021,6222021234567890128"), 0o600); err != nil {
			f.t.Fatal(err)
		}
	}
	f.setOwner(importID, deadToken, "archive-1.upload")
	return file
}

func (f *fixture) setOwner(importID int64, owner, upload string) {
	f.t.Helper()
	if _, err := f.db.Exec(context.Background(), "UPDATE archive_imports SET owner = ?, upload_file = ? WHERE id = ?", owner, upload, importID); err != nil {
		f.t.Fatal(err)
	}
}

// orphan writes a file of an older version into the upload folder, aged.
func (f *fixture) orphan(upload, name string, age time.Duration) string {
	f.t.Helper()
	p := filepath.Join(upload, name)
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
		f.t.Fatal(err)
	}
	at := time.Now().Add(-age) // files age on the machine's clock
	if err := os.Chtimes(p, at, at); err != nil {
		f.t.Fatal(err)
	}
	return p
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func TestGhostImportIsEndedAtTheNextStart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		upload := t.TempDir()
		d, other := f.dataset("补贴"), f.dataset("低保")
		ghost := f.start(f.svc, d, csvFile(t, 1, 20, false))
		file := f.killed(upload, ghost.ID)
		// A process of this machine that lives (a CLI import beside the
		// server) holds its lock: its import is left alone.
		alive := f.process(upload)
		living := f.start(alive, other, csvFile(t, 2, 20, false))
		old := f.orphan(upload, "archive-7.upload", time.Hour)
		young := f.orphan(upload, "archive-8.upload", time.Minute)

		// The lease of the ghost has not run out: only the free lock tells.
		next := f.process(upload)
		if err := next.Recover(ctx); err != nil {
			t.Fatal(err)
		}
		im, err := next.GetImport(ctx, ghost.ID)
		if err != nil || im.State != archive.StateFailed || !strings.Contains(im.Error, "interrupted by a restart") || im.FinishedAt == nil {
			t.Fatalf("ghost import: %+v %v", im, err)
		}
		if exists(file) || exists(filepath.Dir(file)) || exists(old) || !exists(young) {
			t.Fatalf("left-overs: upload %v, its folder %v, old orphan %v; young orphan kept %v", exists(file), exists(filepath.Dir(file)), exists(old), exists(young))
		}
		if im, _ := next.GetImport(ctx, living.ID); im.State != archive.StateRunning {
			t.Fatalf("the living process's import was ended: %+v", im)
		}
		// A re-import is accepted at once and goes live.
		re := f.start(next, d, csvFile(t, 1, 20, false))
		if im, err := re.Run(ctx); err != nil || im.State != archive.StateLive || im.RowsAdded != 20 {
			t.Fatalf("re-import: %+v %v", im, err)
		}
	}, sets...)
}

func TestGhostOfAnotherMachineEndsWhenItsLeaseRunsOut(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		d := f.dataset("补贴")
		ghost := f.start(f.svc, d, csvFile(t, 1, 20, false))
		f.setOwner(ghost.ID, "fedcba9876543210fedcba98", "") // an instance on another machine
		other := f.process(t.TempDir())
		if err := other.Recover(ctx); err != nil {
			t.Fatal(err)
		}
		_, err := other.StartImport(ctx, archive.ImportRequest{DatasetID: d.ID, Mode: archive.ModeReplace, Path: csvFile(t, 1, 20, false), FileName: "a.csv", Actor: admin})
		var we *web.Error
		if !errors.As(err, &we) || we.Code != web.CodeConflict {
			t.Fatalf("while its lease runs: %v", err)
		}
		// The cancel is recorded; the instance would stop within a second.
		if err := other.CancelImport(ctx, admin, ghost.ID); err != nil {
			t.Fatal(err)
		}
		if im, _ := other.GetImport(ctx, ghost.ID); im.State != archive.StateRunning {
			t.Fatalf("ended while its lease runs: %+v", im)
		}
		// It does not: once the lease has run out, any instance ends it.
		f.clock.Advance(16 * time.Second)
		re := f.start(other, d, csvFile(t, 1, 20, false))
		im, err := other.GetImport(ctx, ghost.ID)
		if err != nil || im.State != archive.StateCancelled || !strings.Contains(im.Error, "had stopped") {
			t.Fatalf("ghost after its lease: %+v %v", im, err)
		}
		if im, err := re.Run(ctx); err != nil || im.State != archive.StateLive {
			t.Fatalf("re-import: %+v %v", im, err)
		}
	}, sets...)
}

func TestCancelOfAGhostEndsItAtOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		d := f.dataset("补贴")
		ghost := f.start(f.svc, d, csvFile(t, 1, 20, false))
		f.setOwner(ghost.ID, "fedcba9876543210fedcba98", "")
		other := f.process(t.TempDir())
		f.clock.Advance(16 * time.Second) // its instance stopped renewing the lease
		if err := other.CancelImport(ctx, admin, ghost.ID); err != nil {
			t.Fatal(err)
		}
		if im, _ := other.GetImport(ctx, ghost.ID); im.State != archive.StateCancelled {
			t.Fatalf("cancelled ghost: %+v", im)
		}
		if err := other.CancelImport(ctx, admin, ghost.ID); err == nil {
			t.Fatal("a second cancel is accepted")
		}
	}, sets...)
}

func TestCancelStopsTheImportWithinABatch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		d := f.dataset("补贴")
		const rows = 150000
		path := csvFile(t, 3, rows, false)
		// An admin cancels on another instance: the lease of the import
		// notices the request.
		other := f.process(t.TempDir())
		var job *archive.Job
		atCancel := int64(-1)
		req := archive.ImportRequest{DatasetID: d.ID, Mode: archive.ModeReplace, Path: path, FileName: "rows.csv", Actor: admin}
		req.OnProgress = func(p archive.Progress) {
			if atCancel >= 0 || p.RowsRead == 0 || p.Done {
				return
			}
			atCancel = p.RowsRead
			if err := other.CancelImport(ctx, admin, job.ID); err != nil {
				t.Error(err)
			}
			select { // the lease notices the request; the pump goes on
			case <-job.Stopping():
			case <-time.After(time.Minute):
				t.Error("the cancel was not noticed")
			}
		}
		job, err := f.svc.StartImport(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		im, err := job.Run(ctx)
		if err == nil || atCancel < 0 {
			t.Fatalf("not cancelled (cancel at %d): %+v", atCancel, im)
		}
		// After the cancel, at most the batch in hand is read and none written.
		if im.State != archive.StateCancelled || im.RowsRead-atCancel > 10000 || im.RowsRead >= rows {
			t.Fatalf("cancelled at %d rows, stopped at %d: %+v", atCancel, im.RowsRead, im)
		}
		if ds, _ := f.svc.Dataset(ctx, d.ID); ds.RowCount != 0 {
			t.Fatalf("records after a cancel: %d", ds.RowCount)
		}
	}, sets...)
}

func TestImportPanicIsAnErrorAndLeavesNoFile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		d := f.dataset("补贴")
		path := csvFile(t, 1, 20, false)
		job, err := f.svc.StartImport(ctx, archive.ImportRequest{DatasetID: d.ID, Mode: archive.ModeReplace, Path: path, FileName: "rows.csv",
			Actor: admin, RemoveFile: true, OnProgress: func(p archive.Progress) {
				if !p.Done {
					panic("a reader's bug")
				}
			}})
		if err != nil {
			t.Fatal(err)
		}
		im, err := job.Run(ctx)
		if err == nil || im.State != archive.StateFailed || !strings.Contains(im.Error, "internal error") || exists(path) {
			t.Fatalf("after a panic: %+v %v, file kept %v", im, err, exists(path))
		}
		if im := f.mustImport(d, archive.ModeReplace, csvFile(t, 1, 20, false)); im.State != archive.StateLive {
			t.Fatalf("next import: %+v", im)
		}
	}, sets...)
}

func TestXLSXBombFailsTheImportNamingTheLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		upload := t.TempDir()
		svc := f.process(upload)
		d := f.dataset("补贴")
		path := filepath.Join(t.TempDir(), "bomb.xlsx")
		if err := (workbooktest.Bomb{Size: 2 << 30, Compressed: 4 << 20}).WriteFile(path); err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		job := f.start(svc, d, path)
		im, err := job.Run(ctx)
		runtime.ReadMemStats(&after)
		if err == nil || im.State != archive.StateFailed || !strings.Contains(im.Error, "unzip_size") {
			t.Fatalf("bomb import: %+v %v", im, err)
		}
		if grew := int64(after.Sys) - int64(before.Sys); grew > 100<<20 {
			t.Fatalf("the bomb took %d MiB", grew>>20)
		}
		left, _ := filepath.Glob(filepath.Join(upload, "run-*", "*"))
		if exists(path) || len(left) != 1 || filepath.Base(left[0]) != "lock" {
			t.Fatalf("left: file %v, upload folder %q", exists(path), left)
		}
	}, sets...)
}
