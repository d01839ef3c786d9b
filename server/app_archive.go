package server

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/hallcast/hallcast/archive"
	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/device"
)

// openArchive loads the archive lookup key (from the configuration, or
// the key file in the data folder, created on first start) and starts the
// archive service.
func (a *App) openArchive(ctx context.Context, o Options) error {
	key, err := ArchiveKey(a.Cfg)
	if err != nil {
		return err
	}
	a.Archive = archive.New(archive.Options{
		DB: a.DB, Key: key, Settings: a.Settings, Clock: o.Clock, Logger: a.Log, Location: a.Cfg.TimeZone,
		UploadDir: filepath.Join(a.Cfg.DataDir, "uploads"), UploadLimit: a.Cfg.UploadLimit, UnzipLimit: a.Cfg.UnzipLimit,
	})
	a.OnStop(func(context.Context) { a.Archive.Close() })
	if err := a.Archive.Recover(ctx); err != nil {
		return err
	}
	a.ArchiveKiosk = &archive.KioskHandler{Service: a.Archive, KioskID: kioskID}
	list, err := a.Archive.Datasets(ctx)
	if err != nil {
		return err
	}
	for _, d := range list {
		if d.NeedsReimport {
			a.Log.Warn("archive: a dataset needs a new import (its definition or the lookup key changed); kiosks do not offer it",
				"dataset", d.ID, "key_id", key.ID())
		}
	}
	return nil
}

// ArchiveKey returns the archive lookup key: the configured one, or the
// key file in the data folder, created on first use.
func ArchiveKey(cfg *config.Config) (*archive.Key, error) {
	if cfg.ArchiveKey != nil {
		return archive.NewKey(cfg.ArchiveKey)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("server: unable to create the data folder: %w", err)
	}
	key, err := archive.LoadOrCreateKey(cfg.ArchiveKeyPath())
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	return key, nil
}

// kioskID identifies the paired kiosk of a request (routes_kiosk.go puts
// the device in the context).
func kioskID(c echo.Context) (string, bool) {
	d := device.From(c)
	if d == nil || d.Kind != device.KindKiosk {
		return "", false
	}
	return strconv.FormatInt(d.ID, 10), true
}
