// Package settings keeps the operational settings that admins change at
// run time in the web UI (the masking policy, the organisation code of
// index numbers, the kiosk idle time, ...). Each domain package registers
// its keys with a default and a validator; values are JSON in the database,
// cached per instance and refreshed through the change bus.
package settings

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the settings schema.
var Migrations = store.Embedded("settings", migrationFS)

// Topic is the change-bus topic published when a setting changes.
const Topic = "settings"

// Definition declares one setting.
type Definition struct {
	// Key is a dotted name owned by one package, e.g. "privacy.policy".
	Key string
	// Label and Help describe it in the admin UI (Chinese; English in LabelEN).
	Label, LabelEN, Help string
	// Default is the value when none was saved; it must marshal to JSON.
	Default any
	// Validate checks a new value (the raw JSON an admin sent) and returns
	// a *web.Error naming what is wrong, or nil.
	Validate func(raw json.RawMessage) error
}

// Service reads and writes settings.
type Service struct {
	db    *store.DB
	clock clock.Clock
	mu    sync.RWMutex
	defs  map[string]Definition
	cache map[string]json.RawMessage
	// gen counts invalidations, so a read that raced with one is not cached.
	gen uint64
}

// New returns a Service; it watches the bus so that changes made by other
// instances are seen.
func New(db *store.DB, c clock.Clock) *Service {
	s := &Service{db: db, clock: c, defs: map[string]Definition{}, cache: map[string]json.RawMessage{}}
	sub := db.Bus().Subscribe(Topic)
	go func() {
		for range sub.C {
			s.mu.Lock()
			s.cache = map[string]json.RawMessage{}
			s.gen++
			s.mu.Unlock()
		}
	}()
	return s
}

// Register declares a setting. It panics on a duplicate key or a default
// that does not marshal: both are programming errors.
func (s *Service) Register(d Definition) {
	if _, err := json.Marshal(d.Default); err != nil {
		panic(fmt.Sprintf("settings: default of %s: %v", d.Key, err))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.defs[d.Key]; dup {
		panic("settings: duplicate key " + d.Key)
	}
	s.defs[d.Key] = d
}

// Raw returns the JSON value of key (the default when unset).
func (s *Service) Raw(ctx context.Context, key string) (json.RawMessage, error) {
	s.mu.RLock()
	d, ok := s.defs[key]
	v, cached := s.cache[key]
	gen := s.gen
	s.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("settings: unknown key %q", key)
	}
	if cached {
		return v, nil
	}
	var stored string
	err := s.db.Get(ctx, &stored, "SELECT value FROM settings WHERE key = ?", key)
	switch {
	case store.IsNotFound(err):
		v, _ = json.Marshal(d.Default)
	case err != nil:
		return nil, fmt.Errorf("settings: unable to read %s: %w", key, err)
	default:
		v = json.RawMessage(stored)
	}
	s.mu.Lock()
	if s.gen == gen {
		s.cache[key] = v
	}
	s.mu.Unlock()
	return v, nil
}

// Value decodes the setting key into a T.
func Value[T any](ctx context.Context, s *Service, key string) (T, error) {
	var out T
	raw, err := s.Raw(ctx, key)
	if err != nil {
		return out, err
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return out, fmt.Errorf("settings: %s holds %s: %w", key, raw, err)
	}
	return out, nil
}

// Set validates and saves a value, records it in the audit log and tells
// every instance.
func (s *Service) Set(ctx context.Context, who audit.Actor, key string, raw json.RawMessage) error {
	s.mu.RLock()
	d, ok := s.defs[key]
	s.mu.RUnlock()
	if !ok {
		return web.NotFound("setting")
	}
	if !json.Valid(raw) {
		return web.Invalid("value", web.CodeInvalidJSON, "not JSON")
	}
	if d.Validate != nil {
		if err := d.Validate(raw); err != nil {
			return err
		}
	}
	before, err := s.Raw(ctx, key)
	if err != nil {
		return err
	}
	now := s.clock.Now()
	var by any
	if who.ID != 0 {
		by = who.ID
	}
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			key, string(raw), now, by); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, Data: mustJSON(key)})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "settings.set", ObjectType: "setting:" + key, Before: before, After: raw})
	})
	if err != nil {
		return fmt.Errorf("settings: unable to save %s: %w", key, err)
	}
	s.mu.Lock()
	s.cache[key] = raw
	s.mu.Unlock()
	return nil
}

// Entry is one setting as the admin UI lists it.
type Entry struct {
	Key     string          `json:"key"`
	Label   string          `json:"label"`
	LabelEN string          `json:"label_en"`
	Help    string          `json:"help,omitempty"`
	Value   json.RawMessage `json:"value"`
	Default json.RawMessage `json:"default"`
}

// List returns every registered setting with its current value.
func (s *Service) List(ctx context.Context) ([]Entry, error) {
	s.mu.RLock()
	keys := make([]string, 0, len(s.defs))
	for k := range s.defs {
		keys = append(keys, k)
	}
	s.mu.RUnlock()
	sort.Strings(keys)
	out := make([]Entry, 0, len(keys))
	for _, k := range keys {
		v, err := s.Raw(ctx, k)
		if err != nil {
			return nil, err
		}
		s.mu.RLock()
		d := s.defs[k]
		s.mu.RUnlock()
		def, _ := json.Marshal(d.Default)
		out = append(out, Entry{Key: k, Label: d.Label, LabelEN: d.LabelEN, Help: d.Help, Value: v, Default: def})
	}
	return out, nil
}

func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}
