package archive_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

func TestXLSXImportWithProgress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		d := f.dataset("补贴")
		path := filepath.Join(t.TempDir(), "补贴.xlsx")
		if err := archivegen.New(11).WriteXLSX(path, 120); err != nil {
			t.Fatal(err)
		}
		var last archive.Progress
		calls := 0
		job, err := f.svc.StartImport(context.Background(), archive.ImportRequest{DatasetID: d.ID, Mode: archive.ModeReplace, Path: path,
			FileName: "补贴.xlsx", Actor: admin, OnProgress: func(p archive.Progress) { last = p; calls++ }})
		if err != nil {
			t.Fatal(err)
		}
		im, err := job.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if im.RowsAdded != 120 || im.Format != archive.FormatXLSX || !last.Done || last.RowsRead != 120 || calls == 0 {
			t.Fatalf("import %+v, progress %+v", im, last)
		}
		for _, p := range archivegen.People(11, 120)[:5] {
			if !f.lookup(d, p.Keys()).Found {
				t.Fatalf("%s not found", p.Name)
			}
		}
	}, sets...)
}

func TestXLSXShortRowsAndBlankRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		d := f.dataset("补贴")
		p := archivegen.People(12, 3)
		x := excelize.NewFile()
		set := func(cell string, v ...any) {
			if err := x.SetSheetRow("Sheet1", cell, &v); err != nil {
				t.Fatal(err)
			}
		}
		set("A2", "序号", "姓名", "身份证号", "乡镇", "村（社区）", "补贴项目", "发放金额（元）", "发放日期", "银行卡号")
		set("A3", 1, p[0].Name, p[0].ID, "城关镇", "东村", "低保", 100, "2025-01-01", p[0].Card)
		// Row 5 leaves out the trailing cells: amount is required.
		set("A5", 2, p[1].Name, p[1].ID, "城关镇")
		path := filepath.Join(t.TempDir(), "short.xlsx")
		if err := x.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		im := f.mustImport(d, archive.ModeReplace, path)
		if im.RowsAdded != 1 || im.RowsBad != 1 {
			t.Fatalf("import %+v", im)
		}
		if got := im.Report.Problems[0]; got.Row != 5 || got.Reason != archive.ReasonRequired || got.Column != "发放金额（元）" {
			t.Fatalf("problem %+v", got)
		}
	}, sets...)
}
