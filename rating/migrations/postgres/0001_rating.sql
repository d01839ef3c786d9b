-- 好差评 (R9): one rating per kiosk session (session_id is unique), and a
-- follow-up for every bad rating with a working-day deadline.
CREATE TABLE ratings (
	id BIGSERIAL PRIMARY KEY,
	device_id BIGINT REFERENCES devices(id),
	session_id TEXT NOT NULL UNIQUE,
	level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
	service TEXT NOT NULL DEFAULT '',
	tags TEXT NOT NULL DEFAULT '[]',
	comment TEXT NOT NULL DEFAULT '',
	case_no TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ratings_created ON ratings (created_at);

CREATE TABLE rating_followups (
	id BIGSERIAL PRIMARY KEY,
	rating_id BIGINT NOT NULL UNIQUE REFERENCES ratings(id) ON DELETE CASCADE,
	due_on TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
	assignee_id BIGINT REFERENCES users(id),
	resolution TEXT NOT NULL DEFAULT '',
	closed_at TIMESTAMPTZ,
	closed_by BIGINT REFERENCES users(id),
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX rating_followups_status ON rating_followups (status, due_on);
