package main

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/store"
)

func runMigrate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("migrate", "migrate [--status] [flags]", stdout, stderr)
	status := fs.Bool("status", false, "only show the schema versions, change nothing")
	loader := config.NewLoader(fs)
	if code, stop := parse(fs, args); stop {
		return code
	}
	cfg, code, stop := loadConfig(loader, stderr)
	if stop {
		return code
	}
	ctx := context.Background()
	db, err := openDB(ctx, cfg, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "hallcast migrate: %v\n", err)
		return exitError
	}
	defer db.Close()
	if !*status {
		n, err := db.Migrate(ctx, server.Migrations()...)
		if err != nil {
			fmt.Fprintf(stderr, "hallcast migrate: %v\n", err)
			return exitError
		}
		fmt.Fprintf(stdout, "applied %d migrations\n", n)
		// The data step: rows stored before personal data was sealed.
		_, sealedRows, _, err := server.SealStored(ctx, db, cfg, clock.System{}.Now())
		if err != nil {
			fmt.Fprintf(stderr, "hallcast migrate: %v\n", err)
			return exitError
		}
		if sealedRows > 0 {
			fmt.Fprintf(stdout, "sealed the personal data of %d rows stored before\n", sealedRows)
		}
	}
	v, err := db.Versions(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "hallcast migrate: %v\n", err)
		return exitError
	}
	known := map[string]bool{}
	for _, m := range server.Migrations() {
		known[m.Component] = true
	}
	names := make([]string, 0, len(v))
	for k := range v {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Fprintf(stdout, "%s database schema:\n", db.Dialect())
	for _, k := range names {
		note := ""
		if !known[k] {
			note = " (unknown to this version)"
		}
		fmt.Fprintf(stdout, "  %-12s %d%s\n", k, v[k], note)
	}
	return exitOK
}

// openDB opens the configured database without migrating it.
func openDB(ctx context.Context, cfg *config.Config, stderr io.Writer) (*store.DB, error) {
	return store.Open(ctx, store.Options{URL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath(), MaxConns: cfg.DBMaxConns, Logger: newLogger(cfg, stderr)})
}
