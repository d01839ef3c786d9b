package archive_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

func TestFailedReplaceKeepsTheOldRecords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		d := f.dataset("养老保险")
		old := archivegen.People(1, 40)[0]
		f.mustImport(d, archive.ModeReplace, csvFile(t, 1, 40, false))

		// A file whose every row is wrong fails after writing nothing
		// visible; one without the mapped columns fails at once.
		lines := []string{strings.Join(archivegen.Header, ",")}
		for range 30 {
			lines = append(lines, "1,张三,123,城关镇,东村,低保,1,2025-01-01,6222")
		}
		bad := writeFile(t, "bad.csv", []byte(strings.Join(lines, "\n")))
		job, err := f.svc.StartImport(context.Background(), archive.ImportRequest{DatasetID: d.ID, Mode: archive.ModeReplace, Path: bad, FileName: "bad.csv", MaxBadRows: 10, Actor: admin})
		if err != nil {
			t.Fatal(err)
		}
		im, err := job.Run(context.Background())
		if err == nil || im.State != archive.StateFailed || !strings.Contains(im.Error, "more than 10 rows") {
			t.Fatalf("bad file: %v %+v", err, im)
		}
		noCols := writeFile(t, "other.csv", []byte("a,b\n1,2\n"))
		if im, err := f.importFile(d, archive.ModeReplace, noCols); err == nil || !strings.Contains(im.Error, `no column "序号", "姓名"`) {
			t.Fatalf("missing columns: %v %+v", err, im)
		}
		ds, _ := f.svc.Dataset(t.Context(), d.ID)
		if ds.RowCount != 40 || !f.lookup(d, old.Keys()).Found {
			t.Fatalf("old records lost: %d rows", ds.RowCount)
		}

		// A good replace swaps the records at once; the old ones are purged.
		newer := archivegen.People(2, 25)[0]
		f.mustImport(d, archive.ModeReplace, csvFile(t, 2, 25, true))
		if f.lookup(d, old.Keys()).Found || !f.lookup(d, newer.Keys()).Found {
			t.Fatal("replace did not swap the records")
		}
		waitRows(t, db, 25)
	}, sets...)
}

func TestAppendAddsOnlyNewRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		d := f.dataset("补贴")
		f.mustImport(d, archive.ModeAppend, csvFile(t, 3, 30, false))
		im := f.mustImport(d, archive.ModeAppend, csvFile(t, 3, 45, true)) // the same 30 rows and 15 more, in GBK
		if im.RowsAdded != 15 || im.RowsDuplicate != 30 {
			t.Fatalf("append: added %d dup %d", im.RowsAdded, im.RowsDuplicate)
		}
		ds, _ := f.svc.Dataset(t.Context(), d.ID)
		if ds.RowCount != 45 {
			t.Fatalf("rows %d", ds.RowCount)
		}
		// Changing the keys makes the records stale: kiosks stop seeing the
		// dataset and appending is refused until a replace import.
		in := archivegen.Dataset("补贴")
		in.Definition.Keys[1].Last = 6
		if _, err := f.svc.UpdateDataset(t.Context(), admin, d.ID, in); err != nil {
			t.Fatal(err)
		}
		ds, _ = f.svc.Dataset(t.Context(), d.ID)
		if !ds.NeedsReimport || ds.Queryable() {
			t.Fatalf("stale dataset: %+v", ds)
		}
		if _, err := f.importFile(d, archive.ModeAppend, csvFile(t, 3, 5, false)); err == nil {
			t.Fatal("append onto stale records accepted")
		}
		f.mustImport(d, archive.ModeReplace, csvFile(t, 3, 5, false))
		ds, _ = f.svc.Dataset(t.Context(), d.ID)
		if ds.NeedsReimport || ds.RowCount != 5 {
			t.Fatalf("after replace: %+v", ds)
		}
	}, sets...)
}

// waitRows polls until the dataset tables hold n records (the purge runs
// in the background).
func waitRows(t *testing.T, db *store.DB, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var got int
		if err := db.Get(context.Background(), &got, "SELECT COUNT(*) FROM archive_records"); err != nil {
			t.Fatal(err)
		}
		if got == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d records stored, want %d", got, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLiveImportsAreReconciledAtStart breaks archive_live (as a crash
// between the commits of the main and the records file would on SQLite)
// while no service runs: a service started afterwards sets it again from
// the imports' states, and lookups find the records again.
func TestLiveImportsAreReconciledAtStart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		d := f.dataset("补贴")
		im := f.mustImport(d, archive.ModeReplace, csvFile(t, 4, 30, false))
		keys := archivegen.People(4, 30)[0].Keys()
		if !f.lookup(d, keys).Found {
			t.Fatal("record not found after the import")
		}
		f.svc.Close() // its purge round would set archive_live again
		if _, err := db.Exec(ctx, "DELETE FROM archive_live"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(ctx, "INSERT INTO archive_live (import_id, dataset_id) VALUES (999, ?)", d.ID); err != nil {
			t.Fatal(err)
		}
		f2 := newFixture(t, db)
		deadline := time.Now().Add(10 * time.Second)
		for {
			var ids []int64
			if err := db.Select(ctx, &ids, "SELECT import_id FROM archive_live"); err != nil {
				t.Fatal(err)
			}
			if len(ids) == 1 && ids[0] == im.ID {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("archive_live holds %v, want [%d]", ids, im.ID)
			}
			time.Sleep(20 * time.Millisecond)
		}
		if !f2.lookup(d, keys).Found {
			t.Fatal("record not found once archive_live was set again")
		}
	}, sets...)
}
