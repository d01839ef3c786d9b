CREATE TABLE calendar_years (
	year INTEGER PRIMARY KEY,
	source TEXT NOT NULL CHECK (source IN ('builtin', 'import', 'edit')),
	updated_at TIMESTAMP NOT NULL,
	updated_by INTEGER
);
CREATE TABLE calendar_days (
	day TEXT PRIMARY KEY,
	year INTEGER NOT NULL REFERENCES calendar_years(year) ON DELETE CASCADE,
	name TEXT NOT NULL,
	is_off_day BOOLEAN NOT NULL
);
CREATE INDEX calendar_days_year ON calendar_days (year);
CREATE TABLE calendar_seeds (
	year INTEGER PRIMARY KEY,
	seeded_at TIMESTAMP NOT NULL
);
