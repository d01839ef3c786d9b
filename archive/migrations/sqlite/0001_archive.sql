CREATE TABLE archive_datasets (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	definition TEXT NOT NULL,
	mapping TEXT NOT NULL DEFAULT '{}',
	published BOOLEAN NOT NULL DEFAULT FALSE,
	schema_version INTEGER NOT NULL DEFAULT 1,
	epoch INTEGER NOT NULL DEFAULT 0,
	row_count INTEGER NOT NULL DEFAULT 0,
	data_schema_version INTEGER NOT NULL DEFAULT 0,
	data_key_id TEXT NOT NULL DEFAULT '',
	last_import_id INTEGER,
	last_import_at TIMESTAMP,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	deleted_at TIMESTAMP
);
CREATE UNIQUE INDEX archive_datasets_name ON archive_datasets (name) WHERE deleted_at IS NULL;

CREATE TABLE archive_imports (
	id INTEGER PRIMARY KEY,
	dataset_id INTEGER NOT NULL REFERENCES archive_datasets(id),
	mode TEXT NOT NULL CHECK (mode IN ('replace', 'append')),
	state TEXT NOT NULL CHECK (state IN ('running', 'live', 'replaced', 'failed', 'cancelled', 'deleted')),
	epoch INTEGER NOT NULL,
	schema_version INTEGER NOT NULL,
	key_id TEXT NOT NULL,
	file_name TEXT NOT NULL,
	file_size INTEGER NOT NULL,
	format TEXT NOT NULL,
	encoding TEXT NOT NULL DEFAULT '',
	header TEXT NOT NULL DEFAULT '[]',
	actor_name TEXT NOT NULL,
	started_at TIMESTAMP NOT NULL,
	progress_at TIMESTAMP NOT NULL,
	finished_at TIMESTAMP,
	rows_read INTEGER NOT NULL DEFAULT 0,
	rows_total INTEGER NOT NULL DEFAULT 0,
	rows_added INTEGER NOT NULL DEFAULT 0,
	rows_duplicate INTEGER NOT NULL DEFAULT 0,
	rows_bad INTEGER NOT NULL DEFAULT 0,
	rate INTEGER NOT NULL DEFAULT 0,
	eta_seconds INTEGER NOT NULL DEFAULT 0,
	error TEXT NOT NULL DEFAULT '',
	report TEXT NOT NULL DEFAULT '{"problems":[]}',
	cancel BOOLEAN NOT NULL DEFAULT FALSE,
	purged BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX archive_imports_running ON archive_imports (dataset_id) WHERE state = 'running';
CREATE INDEX archive_imports_dataset ON archive_imports (dataset_id, id);

-- One row per imported record: hashes and masked display values only.
CREATE TABLE archive_records (
	id INTEGER PRIMARY KEY,
	dataset_id INTEGER NOT NULL,
	epoch INTEGER NOT NULL,
	import_id INTEGER NOT NULL,
	source_row INTEGER NOT NULL,
	row_hash BLOB NOT NULL,
	key_hash BLOB NOT NULL,
	display TEXT NOT NULL
);
-- One index serves lookups (by key_hash) and recognises duplicates: rows
-- with the same values have the same keys, and both hashes bind the dataset.
CREATE UNIQUE INDEX archive_records_key ON archive_records (key_hash, epoch, row_hash);
CREATE INDEX archive_records_import ON archive_records (import_id, source_row);

-- Misses and locks per kiosk, shared by every instance.
CREATE TABLE archive_kiosks (
	kiosk_id TEXT PRIMARY KEY,
	misses INTEGER NOT NULL DEFAULT 0,
	last_miss_at TIMESTAMP,
	next_at TIMESTAMP,
	locked_until TIMESTAMP,
	locks INTEGER NOT NULL DEFAULT 0
);

-- The query audit: who asked which dataset when, and the outcome; never the keys.
CREATE TABLE archive_queries (
	id INTEGER PRIMARY KEY,
	at TIMESTAMP NOT NULL,
	kiosk_id TEXT NOT NULL,
	address TEXT NOT NULL DEFAULT '',
	dataset_id INTEGER NOT NULL,
	outcome TEXT NOT NULL,
	records INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX archive_queries_dataset ON archive_queries (dataset_id, id);
CREATE INDEX archive_queries_kiosk ON archive_queries (kiosk_id, id);

CREATE TABLE archive_query_days (
	day TEXT NOT NULL,
	dataset_id INTEGER NOT NULL,
	queries INTEGER NOT NULL DEFAULT 0,
	hits INTEGER NOT NULL DEFAULT 0,
	misses INTEGER NOT NULL DEFAULT 0,
	refused INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (day, dataset_id)
);
