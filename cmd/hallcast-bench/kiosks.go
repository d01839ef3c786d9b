package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/server"
	"github.com/hallcast/hallcast/store"
)

// pairKiosks pairs n kiosks through the device service (request, pair,
// claim, as the admin UI and the kiosk do) and writes their tokens, one a
// line, to path, for the load tools.
func pairKiosks(ctx context.Context, app *server.App, n int, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i := range n {
		req, err := app.Devices.RequestPairing(ctx, device.KindKiosk, "bench", "127.0.0.1")
		if err != nil {
			return err
		}
		if err := app.DB.Tx(ctx, func(tx *store.Tx) error {
			_, err := app.Devices.Pair(ctx, tx, audit.Actor{Name: "bench"}, req.Code, fmt.Sprintf("bench-%d", i), device.KindKiosk)
			return err
		}); err != nil {
			return err
		}
		st, err := app.Devices.Claim(ctx, req.Code, req.Claim)
		if err != nil {
			return err
		}
		fmt.Fprintln(w, st.Token)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// readTokens reads the token file written by serve.
func readTokens(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("kiosk tokens (written by hallcast-bench serve): %w", err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no kiosk tokens in %s", path)
	}
	return out, nil
}
