package calendar

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// Source tells where a stored year's list came from.
type Source string

// Sources of a stored year.
const (
	SourceBuiltin Source = "builtin" // seeded from the lists in the binary
	SourceImport  Source = "import"  // imported from a holiday-cn file
	SourceEdit    Source = "edit"    // changed day by day in the admin UI
)

// YearInfo summarises one stored year.
type YearInfo struct {
	Year      int       `db:"year" json:"year"`
	Source    Source    `db:"source" json:"source"`
	Entries   int       `db:"entries" json:"entries"`
	UpdatedAt time.Time `db:"updated_at" json:"updated_at"`
}

type dayRow struct {
	Day      string `db:"day"`
	Year     int    `db:"year"`
	Name     string `db:"name"`
	IsOffDay bool   `db:"is_off_day"`
}

// Infos lists the stored years, ascending.
func (s *Service) Infos(ctx context.Context) ([]YearInfo, error) {
	out := []YearInfo{}
	err := s.db.Select(ctx, &out, `SELECT y.year, y.source, y.updated_at,
		(SELECT COUNT(*) FROM calendar_days d WHERE d.year = y.year) AS entries
		FROM calendar_years y ORDER BY y.year`)
	if err != nil {
		return nil, fmt.Errorf("calendar: unable to list years: %w", err)
	}
	return out, nil
}

// Years returns every stored year's list, ascending, days in date order.
func (s *Service) Years(ctx context.Context) ([]Year, error) {
	return loadYears(ctx, s.db, 0)
}

// Year returns one stored year's list, and false when it is not stored.
func (s *Service) Year(ctx context.Context, year int) (Year, bool, error) {
	ys, err := loadYears(ctx, s.db, year)
	if err != nil || len(ys) == 0 {
		return Year{}, false, err
	}
	return ys[0], true, nil
}

// loadYears reads the lists of every year (year 0) or of one year.
func loadYears(ctx context.Context, q store.Querier, year int) ([]Year, error) {
	var rows []dayRow
	query := "SELECT d.day, d.year, d.name, d.is_off_day FROM calendar_days d"
	var args []any
	if year != 0 {
		query += " WHERE d.year = ?"
		args = append(args, year)
	}
	if err := q.Select(ctx, &rows, query+" ORDER BY d.day", args...); err != nil {
		return nil, fmt.Errorf("calendar: unable to read the holiday lists: %w", err)
	}
	var out []Year
	for _, r := range rows {
		d, err := ParseDate(r.Day)
		if err != nil {
			return nil, fmt.Errorf("calendar: stored day %q: %w", r.Day, err)
		}
		if len(out) == 0 || out[len(out)-1].Year != r.Year {
			out = append(out, Year{Year: r.Year})
		}
		out[len(out)-1].Days = append(out[len(out)-1].Days, Day{Name: r.Name, Date: d, IsOffDay: r.IsOffDay})
	}
	return out, nil
}

// replaceYear stores y as the whole list of its year.
func replaceYear(ctx context.Context, tx *store.Tx, y Year, src Source, at time.Time, by int64) error {
	if _, err := tx.Exec(ctx, "DELETE FROM calendar_days WHERE year = ?", y.Year); err != nil {
		return err
	}
	if err := touchYear(ctx, tx, y.Year, src, at, by); err != nil {
		return err
	}
	for _, d := range y.Days {
		if _, err := tx.Exec(ctx, "INSERT INTO calendar_days (day, year, name, is_off_day) VALUES (?, ?, ?, ?)",
			d.Date.String(), y.Year, d.Name, d.IsOffDay); err != nil {
			return err
		}
	}
	return nil
}

// touchYear creates or updates the row of a year.
func touchYear(ctx context.Context, tx *store.Tx, year int, src Source, at time.Time, by int64) error {
	var who any
	if by != 0 {
		who = by
	}
	_, err := tx.Exec(ctx, `INSERT INTO calendar_years (year, source, updated_at, updated_by) VALUES (?, ?, ?, ?)
		ON CONFLICT (year) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		year, string(src), at, who)
	return err
}
