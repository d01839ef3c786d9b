CREATE TABLE catalogue_categories (
	id INTEGER PRIMARY KEY,
	parent_id INTEGER REFERENCES catalogue_categories(id),
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL DEFAULT 0,
	cadence_n INTEGER,
	cadence_unit TEXT CHECK (cadence_unit IN ('days', 'weeks', 'months', 'years')),
	period_n INTEGER,
	period_unit TEXT CHECK (period_unit IN ('workdays', 'days')),
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);
CREATE INDEX catalogue_categories_parent ON catalogue_categories (parent_id);

-- Index-number sequences per category code and year; rows only grow, so
-- a number is never handed out twice, even if a category is deleted and
-- its code used again.
CREATE TABLE catalogue_sequences (
	code TEXT NOT NULL,
	year INTEGER NOT NULL,
	last INTEGER NOT NULL,
	PRIMARY KEY (code, year)
);

CREATE TABLE catalogue_seeds (
	name TEXT PRIMARY KEY,
	seeded_at TIMESTAMP NOT NULL
);
