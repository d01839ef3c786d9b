-- The live imports, kept by the import commit with archive_imports.state,
-- so that a lookup joins this small table instead of archive_imports.
CREATE TABLE archive_live (
	import_id BIGINT PRIMARY KEY,
	dataset_id BIGINT NOT NULL
);
INSERT INTO archive_live (import_id, dataset_id) SELECT id, dataset_id FROM archive_imports WHERE state = 'live';
