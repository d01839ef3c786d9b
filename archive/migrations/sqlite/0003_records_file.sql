-- store: separate commit
-- The records move to their own file, attached as "records" (see
-- store.RecordsSchema): only imports and purges write it, so the audit's
-- commits no longer empty the lookup readers' caches of it. This step
-- writes only the records file and may run twice (a crash before its
-- version is recorded); 0004 then drops the old table in the main file.
CREATE TABLE IF NOT EXISTS records.archive_records (
	id INTEGER PRIMARY KEY,
	dataset_id INTEGER NOT NULL,
	epoch INTEGER NOT NULL,
	import_id INTEGER NOT NULL,
	source_row INTEGER NOT NULL,
	row_hash BLOB NOT NULL,
	key_hash BLOB NOT NULL,
	display TEXT NOT NULL
);
INSERT OR IGNORE INTO records.archive_records (id, dataset_id, epoch, import_id, source_row, row_hash, key_hash, display)
	SELECT id, dataset_id, epoch, import_id, source_row, row_hash, key_hash, display FROM main.archive_records;
CREATE UNIQUE INDEX IF NOT EXISTS records.archive_records_key ON archive_records (key_hash, epoch, row_hash);
CREATE INDEX IF NOT EXISTS records.archive_records_import ON archive_records (import_id, source_row);
