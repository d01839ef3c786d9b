-- The searchable copy of every published or expired notice. vec holds the
-- same bigram tokens as the SQLite FTS5 index (search/tokens.go) for the
-- title, index number and body, title_vec those of the title and index
-- number alone (the first relevance tier); both are built in Go and stored
-- as tsvectors with positions, so phrases work. A GIN index on vec finds
-- the matches. The body lives in its own table so that the rows a query
-- visits stay narrow.
CREATE TABLE search_docs (
	id BIGINT PRIMARY KEY,
	seq BIGINT NOT NULL UNIQUE,
	kind TEXT NOT NULL DEFAULT '',
	category_id BIGINT NOT NULL DEFAULT 0,
	year INTEGER NOT NULL,
	published_at TIMESTAMPTZ NOT NULL,
	status TEXT NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL,
	category TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	index_no TEXT NOT NULL DEFAULT '',
	title_vec TSVECTOR NOT NULL,
	vec TSVECTOR NOT NULL
);
ALTER TABLE search_docs ALTER COLUMN vec SET STORAGE EXTERNAL;
CREATE INDEX search_docs_year ON search_docs (year);
CREATE INDEX search_docs_vec ON search_docs USING gin (vec);

CREATE TABLE search_bodies (
	id BIGINT PRIMARY KEY REFERENCES search_docs (id) ON DELETE CASCADE,
	body TEXT NOT NULL
);
