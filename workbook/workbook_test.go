package workbook_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hallcast/hallcast/web"
	"github.com/hallcast/hallcast/workbook"
	"github.com/hallcast/hallcast/workbook/workbooktest"
)

// heapGrowth runs fn and returns how much the runtime's memory from the
// system grew: an upper bound of the peak heap fn needed.
func heapGrowth(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.Sys - before.Sys
}

func limitOf(t *testing.T, err error) *workbook.LimitError {
	t.Helper()
	var le *workbook.LimitError
	if !errors.As(err, &le) {
		t.Fatalf("want a limit error, got %v", err)
	}
	return le
}

func TestBombIsRefusedFromItsCentralDirectory(t *testing.T) {
	data, err := workbooktest.Bomb{Size: 2 << 30, Compressed: 4 << 20}.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("bomb: %d bytes inflating to 2 GiB", len(data))
	cases := []struct {
		name   string
		limits workbook.Limits
		want   string
	}{
		{"import, 1 GiB", workbook.Import(1 << 30), workbook.LimitSize},
		{"import, 16 GiB", workbook.Import(16 << 30), workbook.LimitRatio},
		{"attachment", workbook.Attachment, workbook.LimitSize},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			grew := heapGrowth(func() { err = workbook.Check(context.Background(), bytes.NewReader(data), int64(len(data)), c.limits) })
			if le := limitOf(t, err); le.Limit != c.want || le.Entry != "xl/worksheets/sheet1.xml" {
				t.Fatalf("refused for %+v, want %s", le, c.want)
			}
			if grew > 16<<20 {
				t.Fatalf("checking the bomb took %d MiB", grew>>20)
			}
		})
	}
}

func TestLyingHeaderIsCaughtWhileInflating(t *testing.T) {
	// The central directory says 1 MiB; the sheet inflates to 512 MiB.
	data, err := workbooktest.Bomb{Size: 512 << 20, Declared: 1 << 20}.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	grew := heapGrowth(func() {
		err = workbook.Check(context.Background(), bytes.NewReader(data), int64(len(data)), workbook.Import(1<<30))
	})
	if !errors.Is(err, workbook.ErrCorrupt) {
		t.Fatalf("lying header: %v", err)
	}
	if grew > 16<<20 {
		t.Fatalf("checking the lying file took %d MiB", grew>>20)
	}
}

// sheet builds a workbook with excelize: rows of cells, and a shared
// string per cell when shared is set.
func sheet(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestContentLimits(t *testing.T) {
	small := func(change func(l *workbook.Limits)) workbook.Limits {
		l := workbook.Import(1 << 30)
		change(&l)
		return l
	}
	grid := make([][]any, 50)
	for i := range grid {
		grid[i] = []any{fmt.Sprintf("名字%d", i), i, "城关镇"}
	}
	wide := sheet(t, [][]any{{"a"}})
	{ // a single cell far to the right makes a row as wide as its column
		f, _ := excelize.OpenReader(bytes.NewReader(wide))
		f.SetCellValue("Sheet1", "ZZ1", "x")
		b, _ := f.WriteToBuffer()
		wide = b.Bytes()
	}
	var many bytes.Buffer
	zw := zip.NewWriter(&many)
	for i := range 30 {
		zw.Create(fmt.Sprintf("f%d.txt", i))
	}
	zw.Close()
	cases := []struct {
		name   string
		data   []byte
		limits workbook.Limits
		want   string
	}{
		{"cells", sheet(t, grid), small(func(l *workbook.Limits) { l.Cells = 149 }), workbook.LimitCells},
		{"columns", wide, small(func(l *workbook.Limits) { l.Columns = 100 }), workbook.LimitColumns},
		{"shared strings", sheet(t, grid), small(func(l *workbook.Limits) { l.Strings = 40 }), workbook.LimitStrings},
		{"shared strings size", sheet(t, grid), small(func(l *workbook.Limits) { l.StringsSize = 100 }), workbook.LimitStringsSize},
		{"entries", many.Bytes(), small(func(l *workbook.Limits) { l.Entries = 29 }), workbook.LimitEntries},
		{"entry", sheet(t, grid), small(func(l *workbook.Limits) { l.Entry = 1000 }), workbook.LimitEntry},
		{"memory", sheet(t, grid), small(func(l *workbook.Limits) { l.Memory = 1000 }), workbook.LimitMemory},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := workbook.Check(context.Background(), bytes.NewReader(c.data), int64(len(c.data)), c.limits)
			if le := limitOf(t, err); le.Limit != c.want {
				t.Fatalf("refused for %+v, want %s", le, c.want)
			}
		})
	}
	// At the limits, the same files pass.
	ok := small(func(l *workbook.Limits) { l.Cells, l.Strings, l.Columns = 150, 102, 702 })
	for _, data := range [][]byte{sheet(t, grid), wide} {
		if err := workbook.Check(context.Background(), bytes.NewReader(data), int64(len(data)), ok); err != nil {
			t.Fatalf("at the limits: %v", err)
		}
	}
}

func TestEntryCountIsReadBeforeTheDirectory(t *testing.T) {
	// 70,000 entries need the zip64 end record.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := range 70000 {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprint(i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	l := workbook.Import(1 << 30)
	_, err := workbook.OpenZip(bytes.NewReader(buf.Bytes()), int64(buf.Len()), l)
	if le := limitOf(t, err); le.Limit != workbook.LimitEntries {
		t.Fatalf("limit %+v", le)
	}
}

func TestOpenReadsAWorkbookAndHonoursCancel(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.xlsx")
	if err := os.WriteFile(path, sheet(t, [][]any{{"姓名", "金额"}, {"王五", 12}}), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := workbook.Open(context.Background(), path, workbook.Import(1<<30), t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Sheet1")
	f.Close()
	if err != nil || len(rows) != 2 || rows[1][0] != "王五" {
		t.Fatalf("rows %q, %v", rows, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := workbook.Open(ctx, path, workbook.Import(1<<30), t.TempDir(), nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled open: %v", err)
	}
	if _, err := workbook.OpenBytes(context.Background(), []byte("PK\x03\x04 not a zip"), workbook.Attachment); !errors.Is(err, workbook.ErrCorrupt) {
		t.Fatalf("not a zip: %v", err)
	}
}

func TestWebError(t *testing.T) {
	e := workbook.WebError("file", &workbook.LimitError{Limit: workbook.LimitSize, Max: 64 << 20, Entry: "xl/worksheets/sheet1.xml"})
	var we *web.Error
	if !errors.As(e, &we) || we.Status != http.StatusUnprocessableEntity || we.Code != web.CodeTooLarge || we.Field != "file" ||
		we.Params["limit"] != "unzip_size" || we.Params["max"] != int64(64<<20) {
		t.Fatalf("limit error: %#v", e)
	}
	if !errors.As(workbook.WebError("file", fmt.Errorf("x: %w", workbook.ErrCorrupt)), &we) || we.Code != web.CodeInvalid {
		t.Fatalf("corrupt: %#v", we)
	}
	plain := errors.New("disk on fire")
	if workbook.WebError("file", plain) != plain {
		t.Fatal("other errors change")
	}
}
