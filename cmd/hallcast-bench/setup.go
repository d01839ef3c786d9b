package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/archive/archivegen"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/settings"
	"github.com/hallcast/hallcast/store"
)

// openService opens the configured database and the archive service.
func openService(ctx context.Context, fs *flag.FlagSet, l *config.Loader, args []string) (*store.DB, *archive.Service, *settings.Service, error) {
	if err := fs.Parse(args); err != nil {
		return nil, nil, nil, err
	}
	cfg, err := l.Load(os.LookupEnv)
	if err != nil {
		return nil, nil, nil, err
	}
	db, err := store.Open(ctx, store.Options{URL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath(), MaxConns: cfg.DBMaxConns})
	if err != nil {
		return nil, nil, nil, err
	}
	if _, err := db.Migrate(ctx, server.Migrations()...); err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	key, err := server.ArchiveKey(cfg)
	if err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	set := settings.New(db, clock.System{})
	return db, archive.New(archive.Options{DB: db, Key: key, Settings: set, Location: cfg.TimeZone}), set, nil
}

// runSetup creates the dataset that reads generated files.
func runSetup(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("setup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("name", "补贴", "dataset name")
	l := config.NewLoader(fs)
	ctx := context.Background()
	db, svc, _, err := openService(ctx, fs, l, args)
	if err != nil {
		fmt.Fprintln(stderr, "setup:", err)
		return 1
	}
	defer db.Close()
	defer svc.Close()
	d, err := svc.CreateDataset(ctx, audit.Actor{Name: "bench"}, archivegen.Dataset(*name))
	if err != nil {
		fmt.Fprintln(stderr, "setup:", err)
		return 1
	}
	fmt.Fprintf(stdout, "dataset %d %q created\n", d.ID, d.Name)
	return 0
}
