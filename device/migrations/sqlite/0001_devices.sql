CREATE TABLE devices (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('screen', 'kiosk')),
	name TEXT NOT NULL,
	token_hash TEXT UNIQUE,
	created_at TIMESTAMP NOT NULL,
	paired_by INTEGER REFERENCES users(id),
	claimed_at TIMESTAMP,
	revoked_at TIMESTAMP,
	revoked_by INTEGER REFERENCES users(id),
	revoke_reason TEXT NOT NULL DEFAULT '',
	last_seen_at TIMESTAMP,
	last_ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX devices_kind ON devices (kind);

CREATE TABLE pairing_requests (
	code TEXT PRIMARY KEY,
	claim_hash TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('screen', 'kiosk')),
	info TEXT NOT NULL DEFAULT '',
	ip TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	expires_at TIMESTAMP NOT NULL,
	device_id INTEGER REFERENCES devices(id) ON DELETE CASCADE
);
CREATE INDEX pairing_requests_expires ON pairing_requests (expires_at);
