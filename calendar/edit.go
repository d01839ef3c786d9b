package calendar

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// MaxDayName is the longest name of a holiday list entry, in characters.
const MaxDayName = 32

// Import stores y as the whole list of its year, replacing what was
// stored. y is validated as New would, and must be a complete list
// (Year.CheckOfficial). Every date kept elsewhere that the new list moves
// is recomputed in the same transaction, audited and returned.
func (s *Service) Import(ctx context.Context, who audit.Actor, y Year) ([]Moved, error) {
	if err := y.Validate(); err != nil {
		return nil, web.Invalid("days", web.CodeInvalid, "%s", strings.TrimPrefix(err.Error(), "calendar: "))
	}
	for i, d := range y.Days {
		if strings.TrimSpace(d.Name) == "" || utf8.RuneCountInString(d.Name) > MaxDayName {
			return nil, web.Invalid(fmt.Sprintf("days[%d].name", i), web.CodeInvalid, "want 1 to %d characters", MaxDayName)
		}
	}
	if err := y.CheckOfficial(); err != nil {
		return nil, listError(err)
	}
	now := s.clock.Now()
	return s.change(ctx, who, "import", y.Year, func(tx *store.Tx) error {
		before, _ := loadYears(ctx, tx, y.Year)
		if err := replaceYear(ctx, tx, y, SourceImport, now, who.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "calendar.import", ObjectType: "calendar_year",
			ObjectID: int64(y.Year), Before: before, After: y})
	})
}

// DeleteYear removes a stored year; dates in it are then counted on the
// provisional list again (and recomputed).
func (s *Service) DeleteYear(ctx context.Context, who audit.Actor, year int) ([]Moved, error) {
	now := s.clock.Now()
	return s.change(ctx, who, "delete", year, func(tx *store.Tx) error {
		before, err := loadYears(ctx, tx, year)
		if err != nil {
			return err
		}
		if len(before) == 0 {
			return web.NotFound("calendar year")
		}
		if _, err := tx.Exec(ctx, "DELETE FROM calendar_years WHERE year = ?", year); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "calendar.delete_year", ObjectType: "calendar_year",
			ObjectID: int64(year), Before: before[0]})
	})
}

// SetDay adds or changes one entry of a stored year: a holiday
// (IsOffDay) or a make-up working day. The year must be stored already:
// a single entry must not make an unknown year look covered; and it must
// stay a complete list (Year.CheckOfficial).
func (s *Service) SetDay(ctx context.Context, who audit.Actor, d Day) ([]Moved, error) {
	d.Name = strings.TrimSpace(d.Name)
	var c web.Check
	c.That(d.Date.Valid(), "date", web.CodeInvalid, "want a date YYYY-MM-DD")
	if d.Name == "" {
		c.Add(web.Invalid("name", web.CodeRequired, "required"))
	}
	c.MaxRunes("name", d.Name, MaxDayName)
	if err := c.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	return s.change(ctx, who, "set a day", d.Date.Year, func(tx *store.Tx) error {
		if err := requireYear(ctx, tx, d.Date.Year); err != nil {
			return err
		}
		var before []dayRow
		if err := tx.Select(ctx, &before, "SELECT day, year, name, is_off_day FROM calendar_days WHERE day = ?", d.Date.String()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO calendar_days (day, year, name, is_off_day) VALUES (?, ?, ?, ?)
			ON CONFLICT (day) DO UPDATE SET name = excluded.name, is_off_day = excluded.is_off_day`,
			d.Date.String(), d.Date.Year, d.Name, d.IsOffDay); err != nil {
			return err
		}
		if err := checkStored(ctx, tx, d.Date.Year); err != nil {
			return err
		}
		if err := touchYear(ctx, tx, d.Date.Year, SourceEdit, now, who.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "calendar.set_day", ObjectType: "calendar_day:" + d.Date.String(),
			Before: before, After: d})
	})
}

// DeleteDay removes one entry, so the date follows the weekend rule again.
// The last entry of a year cannot be removed (delete the year instead),
// nor one the list needs to stay complete (a statutory day off).
func (s *Service) DeleteDay(ctx context.Context, who audit.Actor, date Date) ([]Moved, error) {
	if !date.Valid() {
		return nil, web.Invalid("date", web.CodeInvalid, "want a date YYYY-MM-DD")
	}
	now := s.clock.Now()
	return s.change(ctx, who, "delete a day", date.Year, func(tx *store.Tx) error {
		var before []dayRow
		if err := tx.Select(ctx, &before, "SELECT day, year, name, is_off_day FROM calendar_days WHERE day = ?", date.String()); err != nil {
			return err
		}
		if len(before) == 0 {
			return web.NotFound("calendar entry")
		}
		var n int
		if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM calendar_days WHERE year = ?", date.Year); err != nil {
			return err
		}
		if n <= 1 {
			return web.State("the last entry of %d cannot be removed; delete the year instead", date.Year)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM calendar_days WHERE day = ?", date.String()); err != nil {
			return err
		}
		if err := checkStored(ctx, tx, date.Year); err != nil {
			return err
		}
		if err := touchYear(ctx, tx, date.Year, SourceEdit, now, who.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "calendar.delete_day", ObjectType: "calendar_day:" + date.String(),
			Before: before[0]})
	})
}

func requireYear(ctx context.Context, q store.Querier, year int) error {
	var n int
	if err := q.Get(ctx, &n, "SELECT COUNT(*) FROM calendar_years WHERE year = ?", year); err != nil {
		return err
	}
	if n == 0 {
		e := web.Invalid("date", web.CodeInvalid, "no holiday list is stored for %d: import it first", year)
		e.Params = map[string]any{"year": year}
		return e
	}
	return nil
}

// checkStored checks that the stored list of year is still complete
// after an edit (Year.CheckOfficial).
func checkStored(ctx context.Context, tx *store.Tx, year int) error {
	ys, err := loadYears(ctx, tx, year)
	if err != nil {
		return err
	}
	if len(ys) == 1 {
		if err := ys[0].CheckOfficial(); err != nil {
			return listError(err)
		}
	}
	return nil
}

// change runs fn in a transaction that recomputes the dates kept elsewhere
// (Track) and tells every instance the year changed, and drops this
// instance's cache once committed. It returns the dates that moved.
func (s *Service) change(ctx context.Context, who audit.Actor, what string, year int, fn func(tx *store.Tx) error) ([]Moved, error) {
	var moved []Moved
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		years, err := loadYears(ctx, tx, 0)
		if err != nil {
			return err
		}
		before, err := New(years, Provisional())
		if err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		if moved, err = s.recompute(ctx, tx, who, before); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, Data: yearData(year)})
		tx.AfterCommit(s.invalidate)
		return nil
	})
	if err != nil {
		return nil, wrap(fmt.Sprintf("%s %d", what, year), err)
	}
	return moved, nil
}
