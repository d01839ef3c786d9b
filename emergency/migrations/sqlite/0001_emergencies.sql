CREATE TABLE emergencies (
	id INTEGER PRIMARY KEY,
	text TEXT NOT NULL,
	level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'critical')),
	all_screens BOOLEAN NOT NULL DEFAULT FALSE,
	group_ids TEXT NOT NULL DEFAULT '[]',
	kiosks BOOLEAN NOT NULL DEFAULT FALSE,
	created_at TIMESTAMP NOT NULL,
	created_by INTEGER REFERENCES users(id),
	expires_at TIMESTAMP NOT NULL,
	cleared_at TIMESTAMP,
	cleared_by INTEGER REFERENCES users(id)
);
CREATE INDEX emergencies_expires ON emergencies (expires_at);

CREATE TABLE emergency_targets (
	emergency_id INTEGER NOT NULL REFERENCES emergencies(id) ON DELETE CASCADE,
	device_id INTEGER NOT NULL REFERENCES devices(id),
	name TEXT NOT NULL,
	kind TEXT NOT NULL,
	acked_at TIMESTAMP,
	PRIMARY KEY (emergency_id, device_id)
);
