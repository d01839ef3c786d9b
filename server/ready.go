package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"syscall"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/web"
)

// readyProbeSize is what /readyz writes: one file system block, so that a
// disk without a free block fails it.
const readyProbeSize = 4096

// readyz answers 200 when the database answers and the data folder takes
// a write (SQLite's files and the uploads live there), 503 otherwise: a
// full disk makes every import, upload and SQLite commit fail, so the
// instance is not ready although it is alive.
func (a *App) readyz(c echo.Context) error {
	ctx := c.Request().Context()
	if err := a.DB.Ping(ctx); err != nil {
		a.Log.Warn("readyz: database unreachable", "err", err)
		return web.Unavailable("database unreachable")
	}
	if err := writeProbe(ctx, a.ReadyProbeDir()); err != nil {
		a.Log.Warn("readyz: the data folder takes no write", "err", err)
		if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
			return web.Unavailable("the data folder's disk is full")
		}
		return web.Unavailable("the data folder cannot be written")
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}

// ReadyProbeDir is where /readyz writes its probe file: the data folder,
// unless SetReadyProbeDir changed it.
func (a *App) ReadyProbeDir() string {
	if p := a.readyDir.Load(); p != nil {
		return *p
	}
	return a.Cfg.DataDir
}

// SetReadyProbeDir points /readyz's write probe at another folder (tests
// use a full one).
func (a *App) SetReadyProbeDir(dir string) { a.readyDir.Store(&dir) }

// writeProbe creates, fills, syncs and removes a small file in dir.
func writeProbe(ctx context.Context, dir string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".readyz-*")
	if err != nil {
		return fmt.Errorf("server: readyz probe: %w", err)
	}
	defer os.Remove(f.Name())
	_, err = f.Write(make([]byte, readyProbeSize))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("server: readyz probe: %w", err)
	}
	return nil
}
