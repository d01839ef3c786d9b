CREATE TABLE feed_sources (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	url TEXT NOT NULL,
	spec TEXT NOT NULL,
	category_id INTEGER,
	kind TEXT NOT NULL DEFAULT '',
	trusted BOOLEAN NOT NULL DEFAULT FALSE,
	enabled BOOLEAN NOT NULL DEFAULT TRUE,
	etag TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_checked_at TIMESTAMP,
	last_success_at TIMESTAMP,
	last_error TEXT NOT NULL DEFAULT '',
	last_error_at TIMESTAMP,
	items_created INTEGER NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

CREATE TABLE feed_items (
	source_id INTEGER NOT NULL REFERENCES feed_sources(id) ON DELETE CASCADE,
	key_hash TEXT NOT NULL,
	guid TEXT NOT NULL DEFAULT '',
	link TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	published_at TIMESTAMP,
	notice_id INTEGER,
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (source_id, key_hash)
);
