-- The searchable copy of every published or expired notice, kept in sync
-- from the notice data. seq orders documents newest first ((2^20 - days
-- since 1970) << 32 | notice id), so the FTS5 tables, whose rowid is seq,
-- return the newest matches first in their natural order and a query
-- stops after the matches it needs. The FTS5 tables index the bigram
-- tokens (search/tokens.go) and store no text of their own; prefix = '1'
-- keeps an index of first characters for one-character queries.
-- search_titles indexes titles and index numbers alone (the first
-- relevance tier, a small index). body is the last column of search_docs:
-- reading the others never touches its overflow pages.
CREATE TABLE search_docs (
	seq INTEGER PRIMARY KEY,
	id INTEGER NOT NULL UNIQUE,
	kind TEXT NOT NULL DEFAULT '',
	category_id INTEGER NOT NULL DEFAULT 0,
	year INTEGER NOT NULL,
	published_at TIMESTAMP NOT NULL,
	status TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	category TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL,
	index_no TEXT NOT NULL DEFAULT '',
	body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX search_docs_year ON search_docs (year);

CREATE VIRTUAL TABLE search_fts USING fts5(
	title, code, body,
	content = '', contentless_delete = 1, prefix = '1',
	tokenize = 'unicode61 remove_diacritics 0'
);

CREATE VIRTUAL TABLE search_titles USING fts5(
	title, code,
	content = '', contentless_delete = 1, prefix = '1',
	tokenize = 'unicode61 remove_diacritics 0'
);
