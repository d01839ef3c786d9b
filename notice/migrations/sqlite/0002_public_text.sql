-- One text per audience (R6). The public_* columns are what every public
-- surface (screens, kiosks, the search index, public files) shows of a
-- version: computed once when the version is approved, every finding
-- masked except those the review kept. The pre-mask columns (title,
-- body_md, ...) stay for editors and reviewers until premask_purged_at,
-- when the purge job overwrites them with the public text.
ALTER TABLE notice_versions ADD COLUMN public_title TEXT;
ALTER TABLE notice_versions ADD COLUMN public_body_md TEXT;
ALTER TABLE notice_versions ADD COLUMN public_body_html TEXT;
ALTER TABLE notice_versions ADD COLUMN public_body_text TEXT;
ALTER TABLE notice_versions ADD COLUMN public_led_text TEXT;
ALTER TABLE notice_versions ADD COLUMN public_guide_json TEXT;
ALTER TABLE notice_versions ADD COLUMN premask_purged_at TIMESTAMP;
-- Keeping a resident ID number needs a second admin: the approval waits
-- (keep_requested_*) until one confirms it (keep_confirmed_*).
ALTER TABLE notice_versions ADD COLUMN keep_requested_by INTEGER REFERENCES users(id);
ALTER TABLE notice_versions ADD COLUMN keep_requested_at TIMESTAMP;
ALTER TABLE notice_versions ADD COLUMN keep_request_reason TEXT;
ALTER TABLE notice_versions ADD COLUMN keep_confirmed_by INTEGER REFERENCES users(id);
ALTER TABLE notice_versions ADD COLUMN keep_confirmed_at TIMESTAMP;

-- The public copy of an attachment: a CSV or XLSX file with its findings
-- masked, or the file itself.
ALTER TABLE notice_attachments ADD COLUMN public_sha256 TEXT REFERENCES notice_blobs(sha256);
ALTER TABLE notice_attachments ADD COLUMN public_size INTEGER;

-- The review's decision on each personal-data finding of a version:
-- mask, or keep with a reason. Positions and the masked form only: never
-- the number itself.
CREATE TABLE notice_findings (
	id INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL REFERENCES notice_versions(id) ON DELETE CASCADE,
	field TEXT NOT NULL,
	location TEXT NOT NULL DEFAULT '',
	kind TEXT NOT NULL,
	start_pos INTEGER NOT NULL,
	end_pos INTEGER NOT NULL,
	start16 INTEGER NOT NULL,
	end16 INTEGER NOT NULL,
	masked TEXT NOT NULL,
	decision TEXT NOT NULL CHECK (decision IN ('mask', 'keep')),
	reason TEXT NOT NULL DEFAULT '',
	decided_by INTEGER NOT NULL REFERENCES users(id),
	decided_at TIMESTAMP NOT NULL
);
CREATE INDEX notice_findings_version ON notice_findings (version_id);
CREATE INDEX notice_versions_premask ON notice_versions (published_at) WHERE premask_purged_at IS NULL;
