package server

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/hallcast/hallcast/config"
	"github.com/hallcast/hallcast/disclosure"
	"github.com/hallcast/hallcast/sealed"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/suggestion"
)

// ContactKeys returns the keys that seal citizens' personal data: the
// configured ones (HALLCAST_CONTACT_KEY), or the key file in the data
// folder, created on first use.
func ContactKeys(cfg *config.Config) (*sealed.Keyring, error) {
	if cfg.ContactKeys != nil {
		keys := make([]*sealed.Key, len(cfg.ContactKeys))
		for i, b := range cfg.ContactKeys {
			k, err := sealed.NewKey(b)
			if err != nil {
				return nil, fmt.Errorf("server: %w", err)
			}
			keys[i] = k
		}
		r, err := sealed.NewKeyring(keys...)
		if err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
		return r, nil
	}
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("server: unable to create the data folder: %w", err)
	}
	r, err := sealed.LoadOrCreate(cfg.ContactKeyPath())
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	return r, nil
}

// SealedHolders are the components that keep sealed personal data on db,
// for the start and the key commands (cmd/hallcast keys).
func SealedHolders(db *store.DB, cfg *config.Config, keys *sealed.Keyring) sealed.Holders {
	return sealed.Holders{DB: db, Keys: keys, List: []sealed.Holder{
		disclosure.New(db, disclosure.Options{Keys: keys, Location: cfg.TimeZone}),
		suggestion.New(db, suggestion.Options{Keys: keys, Location: cfg.TimeZone}),
	}}
}

// SealStored loads the contact keys, checks them against the database
// (an instance without the keys the data is sealed with is refused), and
// seals what was stored before personal data was sealed: on the first
// start after the upgrade, or the rest of an interrupted one. The
// database files are then scrubbed of the plain copies. It returns the
// keys, how many rows it sealed and the tables it scrubbed. The server
// runs it at start before anything reads the database, and so does
// hallcast migrate.
func SealStored(ctx context.Context, db *store.DB, cfg *config.Config, now time.Time) (*sealed.Keyring, int, []string, error) {
	keys, err := ContactKeys(cfg)
	if err != nil {
		return nil, 0, nil, err
	}
	if err := sealed.Register(ctx, db, keys, now); err != nil {
		return nil, 0, nil, fmt.Errorf("server: %w (see docs/deployment.md, contact keys)", err)
	}
	h := SealedHolders(db, cfg, keys)
	n, err := h.Reseal(ctx, false, now)
	if err != nil {
		return nil, n, nil, fmt.Errorf("server: unable to seal the personal data stored before: %w", err)
	}
	tables, err := h.Scrub(ctx)
	if err != nil {
		return nil, n, nil, fmt.Errorf("server: unable to scrub the database files: %w", err)
	}
	return keys, n, tables, nil
}

// openContactKeys runs SealStored at start and keeps the keys.
func (a *App) openContactKeys(ctx context.Context) error {
	keys, n, tables, err := SealStored(ctx, a.DB, a.Cfg, a.Clock.Now())
	if err != nil {
		return err
	}
	if n > 0 {
		a.Log.Info("sealed: personal data stored before it was sealed is now sealed", "rows", n, "key_id", keys.Current())
	}
	if len(tables) > 0 {
		a.Log.Info("sealed: database files rewritten without the plain copies", "tables", tables)
	}
	a.ContactKeys = keys
	return nil
}
