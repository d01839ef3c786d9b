package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
)

// runCancel uploads a large file as an archive import, cancels it (at
// once, while the file is being opened, and once rows flow) and prints
// how long the server took from the cancel request to the import's end.
func runCancel(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cancel", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rows := fs.Int("rows", 200000, "rows of the generated file")
	xlsx := fs.Bool("xlsx", false, "generate XLSX instead of CSV")
	viaLease := fs.Bool("other-instance", false, "cancel through a second archive service on the database, as another instance does (the import's lease notices it), instead of the API of the instance running it")
	l := config.NewLoader(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg, err := l.Load(os.LookupEnv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	cfg.UploadLimit = max(cfg.UploadLimit, 1<<30) // the generated file is larger than the default 20 MB
	name, data, err := generated(*rows, *xlsx)
	if err != nil {
		fmt.Fprintln(stderr, "cancel:", err)
		return 1
	}
	ctx := context.Background()
	p, err := startInProcess(ctx, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "cancel:", err)
		return 1
	}
	defer p.close()
	var ds archive.Dataset
	if _, err := p.do("POST", "/api/admin/archive/datasets", archivegen.Dataset("取消"+strconv.FormatInt(time.Now().UnixNano(), 36)), &ds); err != nil {
		fmt.Fprintln(stderr, "cancel:", err)
		return 1
	}
	cancel := func(id int64) error {
		_, err := p.do("POST", fmt.Sprintf("/api/admin/archive/imports/%d/cancel", id), nil, nil)
		return err
	}
	if *viaLease {
		key, err := server.ArchiveKey(cfg)
		if err != nil {
			fmt.Fprintln(stderr, "cancel:", err)
			return 1
		}
		other := archive.New(archive.Options{DB: p.app.DB, Key: key, Location: cfg.TimeZone})
		defer other.Close()
		cancel = func(id int64) error { return other.CancelImport(ctx, audit.Actor{Name: "bench"}, id) }
	}
	fmt.Fprintf(stdout, "%s, %.1f MB, %d rows\n", name, float64(len(data))/1e6, *rows)
	fmt.Fprintln(stdout, "| cancelled | rows read then | rows read at the end | state | cancel to end |")
	fmt.Fprintln(stdout, "| --- | --- | --- | --- | --- |")
	for _, after := range []int64{0, int64(*rows) / 4} {
		var im archive.Import
		if _, err := p.do("POST", fmt.Sprintf("/api/admin/archive/datasets/%d/imports", ds.ID), upload(map[string]string{"mode": "replace"}, name, data), &im); err != nil {
			fmt.Fprintln(stderr, "cancel:", err)
			return 1
		}
		for im.State == archive.StateRunning && im.RowsRead < after {
			time.Sleep(5 * time.Millisecond)
			p.do("GET", fmt.Sprintf("/api/admin/archive/imports/%d", im.ID), nil, &im)
		}
		at := im.RowsRead
		start := time.Now()
		if err := cancel(im.ID); err != nil {
			fmt.Fprintln(stderr, "cancel:", err)
			return 1
		}
		for im.State == archive.StateRunning {
			time.Sleep(5 * time.Millisecond)
			p.do("GET", fmt.Sprintf("/api/admin/archive/imports/%d", im.ID), nil, &im)
		}
		when := "right after the upload"
		if after > 0 {
			when = fmt.Sprintf("after %d rows", after)
		}
		fmt.Fprintf(stdout, "| %s | %d | %d | %s | %d ms |\n", when, at, im.RowsRead, im.State, time.Since(start).Milliseconds())
	}
	return 0
}

// generated returns a generated file of rows rows.
func generated(rows int, xlsx bool) (string, []byte, error) {
	g := archivegen.New(1)
	if !xlsx {
		var b bytes.Buffer
		err := g.WriteCSV(&b, rows, false)
		return "rows.csv", b.Bytes(), err
	}
	dir, err := os.MkdirTemp("", "hallcast-bench-")
	if err != nil {
		return "", nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "rows.xlsx")
	if err := g.WriteXLSX(path, rows); err != nil {
		return "", nil, err
	}
	data, err := os.ReadFile(path)
	return "rows.xlsx", data, err
}
