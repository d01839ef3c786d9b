-- A notice is the stable identity (and index number) of a piece of
-- disclosed information; its content lives in versions. current_version_id
-- is the latest version (the one being worked on); live_version_id is the
-- version the public sees or saw (published, expired or withdrawn).
CREATE TABLE notices (
	id INTEGER PRIMARY KEY,
	index_no TEXT UNIQUE,
	current_version_id INTEGER,
	live_version_id INTEGER,
	created_by INTEGER NOT NULL REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	first_published_at TIMESTAMP,
	withdrawn_at TIMESTAMP,
	withdrawn_by INTEGER REFERENCES users(id),
	withdraw_reason TEXT
);

CREATE TABLE notice_versions (
	id INTEGER PRIMARY KEY,
	notice_id INTEGER NOT NULL REFERENCES notices(id),
	number INTEGER NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'referred', 'refused', 'scheduled',
		'published', 'expired', 'withdrawn', 'superseded')),
	title TEXT NOT NULL,
	body_md TEXT NOT NULL,
	body_html TEXT NOT NULL,
	body_text TEXT NOT NULL,
	led_text TEXT NOT NULL,
	kind TEXT NOT NULL,
	category_id INTEGER NOT NULL REFERENCES catalogue_categories(id),
	disclosure TEXT NOT NULL CHECK (disclosure IN ('proactive', 'on_request', 'withheld')),
	source_dept TEXT NOT NULL,
	made_on TEXT,
	publish_at TIMESTAMP,
	expire_at TIMESTAMP,
	period_n INTEGER,
	period_unit TEXT CHECK (period_unit IN ('workdays', 'days')),
	priority INTEGER NOT NULL,
	duration_s INTEGER NOT NULL,
	all_screens BOOLEAN NOT NULL,
	guide_json TEXT,
	pair_version_id INTEGER REFERENCES notice_versions(id),
	author_id INTEGER NOT NULL REFERENCES users(id),
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	submitted_at TIMESTAMP,
	reviewed_by INTEGER REFERENCES users(id),
	reviewed_at TIMESTAMP,
	review_result TEXT CHECK (review_result IN ('disclose', 'withhold', 'refer')),
	review_reason TEXT,
	approved_by INTEGER REFERENCES users(id),
	approved_at TIMESTAMP,
	decided_by INTEGER REFERENCES users(id),
	decided_at TIMESTAMP,
	decision_reason TEXT,
	privacy_override TEXT,
	published_at TIMESTAMP,
	ended_at TIMESTAMP,
	UNIQUE (notice_id, number)
);
CREATE INDEX notice_versions_notice ON notice_versions (notice_id);
CREATE INDEX notice_versions_status ON notice_versions (status);
CREATE INDEX notice_versions_category ON notice_versions (category_id);

-- Target screen groups are owned by the display package: no foreign key.
CREATE TABLE notice_version_groups (
	version_id INTEGER NOT NULL REFERENCES notice_versions(id) ON DELETE CASCADE,
	group_id INTEGER NOT NULL,
	PRIMARY KEY (version_id, group_id)
);

-- 三同步: a policy document version names its interpretations (notices).
CREATE TABLE notice_version_links (
	version_id INTEGER NOT NULL REFERENCES notice_versions(id) ON DELETE CASCADE,
	interpretation_id INTEGER NOT NULL REFERENCES notices(id),
	PRIMARY KEY (version_id, interpretation_id)
);
CREATE INDEX notice_version_links_interpretation ON notice_version_links (interpretation_id);

-- Attachment bytes, deduplicated by SHA-256, in the database so that every
-- instance on one PostgreSQL serves them.
CREATE TABLE notice_blobs (
	sha256 TEXT PRIMARY KEY,
	size INTEGER NOT NULL,
	content_type TEXT NOT NULL,
	data BLOB NOT NULL,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE notice_attachments (
	id INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL REFERENCES notice_versions(id) ON DELETE CASCADE,
	sha256 TEXT NOT NULL REFERENCES notice_blobs(sha256),
	name TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	position INTEGER NOT NULL
);
CREATE INDEX notice_attachments_version ON notice_attachments (version_id);

CREATE TABLE notice_history (
	id INTEGER PRIMARY KEY,
	notice_id INTEGER NOT NULL REFERENCES notices(id),
	version_id INTEGER REFERENCES notice_versions(id),
	at TIMESTAMP NOT NULL,
	actor_id INTEGER,
	actor_name TEXT NOT NULL,
	action TEXT NOT NULL,
	reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notice_history_notice ON notice_history (notice_id);
