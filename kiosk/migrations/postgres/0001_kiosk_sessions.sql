-- A kiosk session is one citizen's visit: it starts at the first touch
-- after the home screen or an idle wipe and ends at the next wipe. The
-- server issues its random ID; ratings are unique per session.
CREATE TABLE kiosk_sessions (
	id TEXT PRIMARY KEY,
	device_id BIGINT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
	started_at TIMESTAMPTZ NOT NULL,
	ended_at TIMESTAMPTZ
);
CREATE INDEX kiosk_sessions_device ON kiosk_sessions (device_id, ended_at);
CREATE INDEX kiosk_sessions_started ON kiosk_sessions (started_at);
