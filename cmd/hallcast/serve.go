package main

import (
	"context"
	"fmt"
	"io"
	"os/signal"
	"syscall"

	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/server"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [flags]", stdout, stderr)
	loader := config.NewLoader(fs)
	if code, stop := parse(fs, args); stop {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "hallcast serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	cfg, code, stop := loadConfig(loader, stderr)
	if stop {
		return code
	}
	log := newLogger(cfg, stderr)
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()
	app, err := server.Open(ctx, cfg, log, server.Options{})
	if err != nil {
		log.Error("hallcast: cannot start", "err", err)
		return exitError
	}
	if err := app.Serve(ctx, nil); err != nil {
		log.Error("hallcast: stopped with an error", "err", err)
		return exitError
	}
	return exitOK
}
