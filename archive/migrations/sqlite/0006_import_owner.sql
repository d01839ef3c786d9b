-- The process running an import and its lease: owner is the random token
-- of the archive service that runs it (its lock file is in that process's
-- upload folder), lease_until how long it holds the import without
-- renewing. A start after a crash, or any instance once the lease ran out,
-- ends an import whose owner is gone. upload_file is the uploaded file the
-- import reads, deleted with it.
ALTER TABLE archive_imports ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE archive_imports ADD COLUMN lease_until TIMESTAMP;
ALTER TABLE archive_imports ADD COLUMN upload_file TEXT NOT NULL DEFAULT '';
