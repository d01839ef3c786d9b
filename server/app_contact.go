package server

import (
	"context"
	"fmt"
	"os"

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

// openContactKeys loads the contact keys, checks them against the
// database (an instance without the keys the data is sealed with refuses
// to start), and seals what was stored before personal data was sealed:
// on the first start after the upgrade, or the rest of an interrupted
// one. The database files are then scrubbed of the plain copies. It runs
// before anything else reads or serves the database.
func (a *App) openContactKeys(ctx context.Context) error {
	keys, err := ContactKeys(a.Cfg)
	if err != nil {
		return err
	}
	if err := sealed.Register(ctx, a.DB, keys, a.Clock.Now()); err != nil {
		return fmt.Errorf("server: %w (see docs/deployment.md, contact keys)", err)
	}
	a.ContactKeys = keys
	h := SealedHolders(a.DB, a.Cfg, keys)
	n, err := h.Reseal(ctx, false, a.Clock.Now())
	if err != nil {
		return fmt.Errorf("server: unable to seal the personal data stored before: %w", err)
	}
	if n > 0 {
		a.Log.Info("sealed: personal data stored before it was sealed is now sealed", "rows", n, "key_id", keys.Current())
	}
	tables, err := h.Scrub(ctx)
	if err != nil {
		return fmt.Errorf("server: unable to scrub the database files: %w", err)
	}
	if len(tables) > 0 {
		a.Log.Info("sealed: database files rewritten without the plain copies", "tables", tables)
	}
	return nil
}
