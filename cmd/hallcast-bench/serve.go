package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	_ "net/http/pprof" // profiles for --pprof
	"os"
	"os/signal"
	"syscall"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
)

// runServe runs the whole app with paired kiosks and
// protection settings suited to a load test (see docs/benchmarks.md).
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	minResponse := fs.Int("min-response-ms", 0, "response padding of kiosk lookups (the product default is 250)")
	open := fs.Bool("open-limits", true, "raise the per-kiosk and per-address rate limits and turn slowing off, raise the lock thresholds (the lockout still counts every miss), so the load test measures the server rather than the limits")
	checkpoint := fs.Int("wal-autocheckpoint", 0, "SQLite: set the writer's wal_autocheckpoint (pages; 0 keeps SQLite's 1000)")
	kiosks := fs.Int("kiosks", 200, "kiosks to pair for the load (their tokens go to --tokens)")
	tokens := fs.String("tokens", "kiosk-tokens.txt", "file for the paired kiosks' tokens")
	pprofAddr := fs.String("pprof", "", "serve net/http/pprof on this address (e.g. 127.0.0.1:6060) to profile the server under load")
	l := config.NewLoader(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *pprofAddr != "" {
		go func() { _ = http.ListenAndServe(*pprofAddr, nil) }()
	}
	cfg, err := l.Load(os.LookupEnv)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()
	app, err := server.Open(ctx, cfg, log, server.Options{})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := pairKiosks(ctx, app, *kiosks, *tokens); err != nil {
		fmt.Fprintln(stderr, "pairing kiosks:", err)
		return 1
	}
	fmt.Fprintf(stdout, "paired %d kiosks, tokens in %s\n", *kiosks, *tokens)
	if *checkpoint > 0 && !cfg.UsesPostgres() {
		if _, err := app.DB.Exec(ctx, fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", *checkpoint)); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	p := archive.DefaultProtection()
	p.MinResponseMS = *minResponse
	if *open {
		p.KioskPerMinute, p.KioskBurst, p.AddressPerMinute, p.AddressBurst, p.SlowAfter = 1_000_000, 100_000, 1_000_000, 100_000, 0
		// Misses count in a window whatever the hits between: half the
		// requests miss, so the locks would close within seconds. They
		// still count every miss (the cost stays in the figures).
		p.LockAfter, p.AddressLockAfter, p.KeyLockAfter = 1_000_000, 1_000_000, 1_000_000
	}
	raw, _ := json.Marshal(p)
	if err := app.Settings.Set(ctx, audit.Actor{Name: "bench"}, archive.SettingProtection, raw); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "protection: %s\n", raw)
	if err := app.Serve(ctx, nil); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
