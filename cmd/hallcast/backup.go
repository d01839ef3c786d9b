package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/hallcast/hallcast/backup"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/store"
)

func runBackup(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("backup", "backup [--dir DIR] [--keep N] [flags]", stdout, stderr)
	dir := fs.String("dir", "", "folder for the copy (default <data-dir>/backups)")
	keep := fs.Int("keep", 7, "how many copies to keep in that folder")
	loader := config.NewLoader(fs)
	if code, stop := parse(fs, args); stop {
		return code
	}
	cfg, code, stop := loadConfig(loader, stderr)
	if stop {
		return code
	}
	if *dir == "" {
		*dir = filepath.Join(cfg.DataDir, "backups")
	}
	ctx := context.Background()
	db, err := openDB(ctx, cfg, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "hallcast backup: %v\n", err)
		return exitError
	}
	defer db.Close()
	res, err := backup.Run(ctx, db, *dir, *keep, time.Now().In(cfg.TimeZone))
	if errors.Is(err, store.ErrNotSQLite) {
		fmt.Fprintln(stderr, "hallcast backup: the database is PostgreSQL; back it up with pg_dump (see docs/deployment.md)")
		return exitError
	}
	if err != nil {
		fmt.Fprintf(stderr, "hallcast backup: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes in all)\n", strings.Join(res.Files, " and "), res.Size)
	for _, r := range res.Removed {
		fmt.Fprintf(stdout, "removed %s\n", r)
	}
	return exitOK
}
