package sealed

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// Holder is a component that keeps sealed values in its tables
// (disclosure, suggestion).
type Holder interface {
	// SealedTables names the tables that hold sealed values.
	SealedTables() []string
	// SealedWith counts the rows by the key that sealed them ("" for
	// rows stored before personal data was sealed).
	SealedWith(ctx context.Context) (map[string]int, error)
	// Reseal seals with the current key the rows not sealed with it:
	// plain rows only, or every row (all). It returns how many it sealed.
	Reseal(ctx context.Context, all bool) (int, error)
}

// Holders are the components that keep sealed values on one database.
type Holders struct {
	DB   *store.DB
	Keys *Keyring
	List []Holder
}

// Count sums the rows of every holder by the key that sealed them (""
// for plain rows).
func (h Holders) Count(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	for _, x := range h.List {
		m, err := x.SealedWith(ctx)
		if err != nil {
			return nil, err
		}
		for k, n := range m {
			out[k] += n
		}
	}
	return out, nil
}

func (h Holders) tables() []string {
	var out []string
	for _, x := range h.List {
		out = append(out, x.SealedTables()...)
	}
	return out
}

// Reseal seals with the current key every row that is not sealed with it
// (plain rows only, unless all), noting first that the tables' files need
// a scrub. It returns how many rows it sealed.
func (h Holders) Reseal(ctx context.Context, all bool, now time.Time) (int, error) {
	counts, err := h.Count(ctx)
	if err != nil {
		return 0, err
	}
	cur, todo := h.Keys.Current(), counts[""] > 0
	for k, n := range counts {
		todo = todo || (all && k != cur && n > 0)
	}
	if !todo {
		return 0, nil
	}
	if err := h.needScrub(ctx, now); err != nil {
		return 0, err
	}
	total := 0
	for _, x := range h.List {
		n, err := x.Reseal(ctx, all)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

func (h Holders) needScrub(ctx context.Context, now time.Time) error {
	return h.DB.Tx(ctx, func(tx *store.Tx) error {
		for _, t := range h.tables() {
			if _, err := tx.Exec(ctx, "INSERT INTO sealed_scrubs (table_name, since) VALUES (?, ?) ON CONFLICT (table_name) DO NOTHING", t, now); err != nil {
				return fmt.Errorf("sealed: unable to note a scrub: %w", err)
			}
		}
		return nil
	})
}

// Scrub rewrites the files of the tables noted as holding values from
// before they were sealed again (store.DB.Scrub), then clears the note.
// It returns the tables it scrubbed, none when nothing was noted.
func (h Holders) Scrub(ctx context.Context) ([]string, error) {
	var tables []string
	if err := h.DB.Select(ctx, &tables, "SELECT table_name FROM sealed_scrubs ORDER BY table_name"); err != nil {
		return nil, fmt.Errorf("sealed: unable to read the scrubs due: %w", err)
	}
	if len(tables) == 0 {
		return nil, nil
	}
	if err := h.DB.Scrub(ctx, tables...); err != nil {
		return nil, err
	}
	for _, t := range tables {
		if _, err := h.DB.Exec(ctx, "DELETE FROM sealed_scrubs WHERE table_name = ?", t); err != nil {
			return nil, fmt.Errorf("sealed: unable to clear the scrubs due: %w", err)
		}
	}
	return tables, nil
}
