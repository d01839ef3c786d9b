CREATE TABLE screen_plays (
	id INTEGER PRIMARY KEY,
	device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
	item_key TEXT NOT NULL,
	notice_id INTEGER,
	started_at TIMESTAMP NOT NULL,
	duration_ms INTEGER NOT NULL,
	received_at TIMESTAMP NOT NULL,
	UNIQUE (device_id, started_at, item_key)
);
CREATE INDEX screen_plays_started ON screen_plays (started_at);

CREATE TABLE proof_daily (
	day TEXT NOT NULL,
	notice_id INTEGER NOT NULL,
	plays INTEGER NOT NULL,
	total_ms BIGINT NOT NULL,
	screens INTEGER NOT NULL,
	PRIMARY KEY (day, notice_id)
);

CREATE TABLE proof_rollups (
	day TEXT PRIMARY KEY,
	rolled_at TIMESTAMP NOT NULL
);
