package sealed

import (
	"context"
	"embed"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/store"
)

//go:embed migrations
var migrationFS embed.FS

// Migrations are the schema of the list of keys in use.
var Migrations = store.Embedded("sealed", migrationFS)

// Registered is a key the database knows of.
type Registered struct {
	ID        string     `db:"id" json:"id"`
	AddedAt   time.Time  `db:"added_at" json:"added_at"`
	RetiredAt *time.Time `db:"retired_at" json:"retired_at,omitempty"`
}

// Registry lists the keys of the database.
func Registry(ctx context.Context, db *store.DB) ([]Registered, error) {
	var out []Registered
	if err := db.Select(ctx, &out, "SELECT id, added_at, retired_at FROM sealed_keys ORDER BY added_at, id"); err != nil {
		return nil, fmt.Errorf("sealed: unable to list the keys: %w", err)
	}
	return out, nil
}

// Register checks the keyring against the database at start: every key
// that may still seal values there (not retired) must be in the keyring,
// and its current key must not be a retired one; then the current key is
// recorded. So an instance with a key of its own (a new key file beside a
// shared PostgreSQL) refuses to start before it seals anything.
func Register(ctx context.Context, db *store.DB, r *Keyring, now time.Time) error {
	cur := r.Current()
	err := db.Tx(ctx, func(tx *store.Tx) error {
		if tx.Dialect() == store.Postgres {
			if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext('hallcast_sealed_keys:' || current_schema()))"); err != nil {
				return err
			}
		}
		var rows []Registered
		if err := tx.Select(ctx, &rows, "SELECT id, added_at, retired_at FROM sealed_keys ORDER BY added_at, id"); err != nil {
			return err
		}
		var missing []string
		known := false
		for _, k := range rows {
			if k.ID == cur {
				known = true
				if k.RetiredAt != nil {
					return fmt.Errorf("the contact key %s was retired on %s and must not seal again: put the newer key first (%s)",
						cur, k.RetiredAt.Format(time.DateOnly), where(r))
				}
			}
			if k.RetiredAt == nil && !r.Has(k.ID) {
				missing = append(missing, k.ID)
			}
		}
		if len(missing) > 0 {
			return fmt.Errorf("this database's contact data is sealed with the key %s, which this instance does not have: "+
				"every instance sharing the database needs the same contact keys (%s)", strings.Join(missing, ", "), where(r))
		}
		if known {
			return nil
		}
		_, err := tx.Exec(ctx, "INSERT INTO sealed_keys (id, added_at) VALUES (?, ?)", cur, now)
		return err
	})
	if err != nil {
		return fmt.Errorf("sealed: %w", err)
	}
	return nil
}

// where says where the keyring's keys come from, for messages.
func where(r *Keyring) string {
	if p := r.Path(); p != "" {
		return p
	}
	return "HALLCAST_CONTACT_KEY or HALLCAST_CONTACT_KEY_FILE"
}

// Retire records that no value is sealed with the key id any more; it
// may not seal again.
func Retire(ctx context.Context, db *store.DB, id string, now time.Time) error {
	_, err := db.Exec(ctx, "UPDATE sealed_keys SET retired_at = ? WHERE id = ? AND retired_at IS NULL", now, id)
	if err != nil {
		return fmt.Errorf("sealed: unable to retire the key %s: %w", id, err)
	}
	return nil
}
