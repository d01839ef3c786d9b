package calendar

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hallcast/hallcast/store"
)

// Seed stores each built-in year (Builtin) that was never seeded before,
// so a new release's lists arrive on upgrade while a year an admin deleted
// or replaced stays as the admin left it. Instances starting together seed
// each year once.
func (s *Service) Seed(ctx context.Context) error {
	now := s.clock.Now()
	for _, y := range Builtin() {
		err := s.db.Tx(ctx, func(tx *store.Tx) error {
			res, err := tx.Exec(ctx, "INSERT INTO calendar_seeds (year, seeded_at) VALUES (?, ?) ON CONFLICT (year) DO NOTHING", y.Year, now)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return err
			}
			var stored int
			if err := tx.Get(ctx, &stored, "SELECT COUNT(*) FROM calendar_years WHERE year = ?", y.Year); err != nil {
				return err
			}
			if stored > 0 { // an admin imported it before this release shipped it
				return nil
			}
			if err := replaceYear(ctx, tx, y, SourceBuiltin, now, 0); err != nil {
				return err
			}
			tx.Publish(store.Event{Topic: Topic, Data: yearData(y.Year)})
			return nil
		})
		if err != nil {
			return fmt.Errorf("calendar: unable to seed %d: %w", y.Year, err)
		}
	}
	return nil
}

func yearData(year int) json.RawMessage {
	b, _ := json.Marshal(map[string]int{"year": year})
	return b
}
