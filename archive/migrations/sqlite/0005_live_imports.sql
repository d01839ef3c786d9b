-- store: separate commit
-- The live imports, beside the records in the records file, so that a
-- lookup reads that file alone: reading the main file too cost a second
-- read transaction per lookup, on a file every audit commit changes. The
-- import commit keeps it with archive_imports.state (the records file
-- commits just after the main file; a start after a crash in between sets
-- it again from archive_imports, see reconcileLive). Writes only the
-- records file and may run twice.
CREATE TABLE IF NOT EXISTS records.archive_live (
	import_id INTEGER PRIMARY KEY,
	dataset_id INTEGER NOT NULL
);
INSERT OR IGNORE INTO records.archive_live (import_id, dataset_id)
	SELECT id, dataset_id FROM main.archive_imports WHERE state = 'live';
