package main

import (
	"context"
	"fmt"
	"io"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
)

const importSynopsis = "import --dataset NAME|ID [--mode replace|append] [--encoding auto|utf-8|gbk] [flags] FILE.csv|FILE.xlsx"

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", importSynopsis, stdout, stderr)
	dataset := fs.String("dataset", "", "the dataset to import into, by name or id")
	mode := fs.String("mode", "replace", "replace: swap all records for the file's (at once, when the import succeeds); append: add the rows not there yet")
	encoding := fs.String("encoding", "auto", "text encoding of a CSV file: auto (UTF-8 or GBK), utf-8 or gbk")
	maxBad := fs.Int("max-bad", 10000, "fail when more rows than this cannot be imported")
	loader := config.NewLoader(fs)
	if code, stop := parse(fs, args); stop {
		return code
	}
	enc, ok := archive.ParseEncoding(*encoding)
	if *dataset == "" || fs.NArg() != 1 || !ok || (*mode != "replace" && *mode != "append") {
		fmt.Fprintf(stderr, "Usage: hallcast %s\n(run 'hallcast import --help' for the flags)\n", importSynopsis)
		return exitUsage
	}
	cfg, code, stop := loadConfig(loader, stderr)
	if stop {
		return code
	}
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()
	db, err := openDB(ctx, cfg, stderr)
	if err != nil {
		return importError(stderr, err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx, server.Migrations()...); err != nil {
		return importError(stderr, err)
	}
	key, err := server.ArchiveKey(cfg)
	if err != nil {
		return importError(stderr, err)
	}
	svc := archive.New(archive.Options{DB: db, Key: key, Logger: newLogger(cfg, stderr), Location: cfg.TimeZone,
		UploadDir: filepath.Join(cfg.DataDir, "uploads"), UnzipLimit: cfg.UnzipLimit})
	defer svc.Close()
	if err := svc.Recover(ctx); err != nil {
		return importError(stderr, err)
	}
	ds, err := findDataset(ctx, svc, *dataset)
	if err != nil {
		return importError(stderr, err)
	}
	bar := newProgressBar(stderr)
	path := fs.Arg(0)
	job, err := svc.StartImport(ctx, archive.ImportRequest{DatasetID: ds.ID, Mode: archive.Mode(*mode), Encoding: enc,
		Path: path, FileName: filepath.Base(path), MaxBadRows: *maxBad, Actor: cliActor(), OnProgress: bar.update})
	if err != nil {
		return importError(stderr, err)
	}
	im, err := job.Run(ctx)
	bar.finish()
	if im != nil {
		printImport(stdout, ds, im)
	}
	if err != nil {
		return importError(stderr, err)
	}
	return exitOK
}

func findDataset(ctx context.Context, svc *archive.Service, ref string) (*archive.Dataset, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return svc.Dataset(ctx, id)
	}
	return svc.DatasetByName(ctx, ref)
}

func importError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "hallcast import: %v\n", err)
	return exitError
}

// printImport prints the result and the first problems of an import.
func printImport(w io.Writer, ds *archive.Dataset, im *archive.Import) {
	fmt.Fprintf(w, "import #%d into %q (%s, %s %s): %s\n", im.ID, ds.Name, im.Mode, im.Format, im.Encoding, im.State)
	fmt.Fprintf(w, "  rows read %d, added %d, duplicates %d, not imported %d; %d rows/s\n",
		im.RowsRead, im.RowsAdded, im.RowsDuplicate, im.RowsBad, im.Rate)
	if im.Error != "" {
		fmt.Fprintf(w, "  error: %s\n", im.Error)
	}
	if im.Report == nil {
		return
	}
	const show = 20
	for i, p := range im.Report.Problems {
		if i == show {
			fmt.Fprintf(w, "  ... and %d more (see the import in the admin UI)\n", len(im.Report.Problems)-show+im.Report.Truncated)
			break
		}
		fmt.Fprintf(w, "  %s\n", problemLine(p))
	}
}

func problemLine(p archive.Problem) string {
	s := fmt.Sprintf("row %d: %s", p.Row, p.Reason)
	if p.Column != "" {
		s += fmt.Sprintf(" in column %q", p.Column)
	}
	if p.Detail != "" {
		s += ": " + p.Detail
	}
	switch {
	case p.SameImport != 0:
		s += fmt.Sprintf(" (same as row %d of import #%d)", p.SameAs, p.SameImport)
	case p.SameAs != 0:
		s += fmt.Sprintf(" (same as row %d)", p.SameAs)
	}
	return s
}
