package server_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
	"github.com/hallcast/hallcast/workbook/workbooktest"
)

// uploadsLeft lists the files in the upload folder but the lock files of
// the processes that hold them.
func uploadsLeft(t *testing.T, s *servertest.Server) []string {
	t.Helper()
	var out []string
	root := filepath.Join(s.Cfg.DataDir, "uploads")
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != "lock" {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func TestXLSXBombsAreRefusedByTheAPI(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		s.User(t, "root", auth.RoleAdmin)
		c := s.Login(t, "root", "root-password-1")
		ds := createDataset(t, c, "低保金")
		mk := func(b workbooktest.Bomb) []byte {
			data, err := b.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
		twoGB := mk(workbooktest.Bomb{Size: 2 << 30, Compressed: 4 << 20})
		cases := []struct {
			name  string
			send  func() *servertest.Response
			limit string
		}{
			{"archive import, 4 MB to 2 GB", func() *servertest.Response { return upload(t, s, c, ds.ID, "低保.xlsx", twoGB, "replace") }, "unzip_size"},
			{"archive import, past 1 GB at a plausible ratio", func() *servertest.Response {
				return upload(t, s, c, ds.ID, "低保.xlsx", mk(workbooktest.Bomb{Size: 1200 << 20, Compressed: 9 << 20}), "replace")
			}, "unzip_size"},
			{"notice attachment, 4 MB to 2 GB", func() *servertest.Response { return c.Upload("/api/admin/uploads", "file", "名单.xlsx", twoGB) }, "unzip_size"},
			{"notice attachment, past the old 256 MB cap", func() *servertest.Response {
				return c.Upload("/api/admin/uploads", "file", "名单.xlsx", mk(workbooktest.Bomb{Size: 300 << 20, Compressed: 3 << 20}))
			}, "unzip_size"},
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for _, tc := range cases {
			res := tc.send()
			var body struct {
				Error struct {
					Code   string
					Field  string
					Params map[string]any
				}
			}
			res.JSON(t, &body)
			if res.Status != http.StatusUnprocessableEntity || body.Error.Code != "too_large" || body.Error.Field != "file" || body.Error.Params["limit"] != tc.limit {
				t.Fatalf("%s: %d %s", tc.name, res.Status, res.Body)
			}
		}
		runtime.ReadMemStats(&after)
		if grew := int64(after.Sys) - int64(before.Sys); grew > 100<<20 {
			t.Fatalf("the server's memory grew by %d MiB", grew>>20)
		}
		var list struct{ Imports []archive.Import }
		c.Do("GET", "/api/admin/archive/imports?dataset_id="+itoa(ds.ID), nil).JSON(t, &list)
		if len(list.Imports) != 0 || len(uploadsLeft(t, s)) != 0 {
			t.Fatalf("stored: imports %+v, files %q", list.Imports, uploadsLeft(t, s))
		}
	})
}

func TestGhostImportCanBeCancelledAndReplacedOverHTTP(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		s.User(t, "root", auth.RoleAdmin)
		c := s.Login(t, "root", "root-password-1")
		ds := createDataset(t, c, "低保金")
		ctx := context.Background()
		// A process that was killed while importing: its run folder with a
		// free lock and the uploaded file, its import still running.
		dead := filepath.Join(s.Cfg.DataDir, "uploads", "run-0123456789abcdef01234567")
		if err := os.MkdirAll(dead, 0o700); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dead, "archive-1.upload")
		for _, p := range []string{filepath.Join(dead, "lock"), file} {
			os.WriteFile(p, []byte("110105194912310021"), 0o600)
		}
		job, err := s.App.Archive.StartImport(ctx, archive.ImportRequest{DatasetID: ds.ID, Mode: archive.ModeReplace, Path: file,
			FileName: "低保.csv", Actor: audit.Actor{Name: "test"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.App.DB.Exec(ctx, "UPDATE archive_imports SET owner = ?, upload_file = ? WHERE id = ?", "0123456789abcdef01234567", "archive-1.upload", job.ID); err != nil {
			t.Fatal(err)
		}
		if res := c.Do("POST", "/api/admin/archive/imports/"+itoa(job.ID)+"/cancel", nil); res.Status != http.StatusNoContent {
			t.Fatalf("cancel: %d %s", res.Status, res.Body)
		}
		var im archive.Import
		c.Do("GET", "/api/admin/archive/imports/"+itoa(job.ID), nil).JSON(t, &im)
		if im.State != archive.StateCancelled {
			t.Fatalf("cancelled ghost: %+v", im)
		}
		if _, err := os.Stat(file); !os.IsNotExist(err) {
			t.Fatalf("the ghost's upload is still there: %v", err)
		}
		// A re-import is accepted at once.
		var b bytes.Buffer
		if err := archivegen.New(5).WriteCSV(&b, 10, false); err != nil {
			t.Fatal(err)
		}
		res := upload(t, s, c, ds.ID, "低保.csv", b.Bytes(), "replace")
		if res.Status != http.StatusAccepted {
			t.Fatalf("re-import: %d %s", res.Status, res.Body)
		}
		res.JSON(t, &im)
		if im = waitImport(t, c, im.ID); im.State != archive.StateLive || im.RowsAdded != 10 {
			t.Fatalf("re-import: %+v", im)
		}
		// The job deletes its upload as it returns, just after the import
		// went live: wait for it.
		for i := 0; len(uploadsLeft(t, s)) != 0; i++ {
			if i == 100 {
				t.Fatalf("files left: %q", uploadsLeft(t, s))
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}
