-- 依申请公开: requests and their event logs. The deadline is never stored:
-- it is computed from the log (disclosure.Compute). status repeats the
-- log's state for listing and is rewritten with every event.
CREATE TABLE disclosure_requests (
	id BIGSERIAL PRIMARY KEY,
	tracking_no TEXT NOT NULL UNIQUE,
	device_id BIGINT REFERENCES devices(id),
	applicant_type TEXT NOT NULL CHECK (applicant_type IN ('person', 'organisation')),
	name TEXT NOT NULL,
	id_type TEXT NOT NULL DEFAULT '',
	id_number TEXT NOT NULL DEFAULT '',
	org_code TEXT NOT NULL DEFAULT '',
	legal_rep TEXT NOT NULL DEFAULT '',
	contact_name TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL,
	phone_last4 TEXT NOT NULL,
	email TEXT NOT NULL DEFAULT '',
	address TEXT NOT NULL DEFAULT '',
	postcode TEXT NOT NULL DEFAULT '',
	description TEXT NOT NULL,
	doc_ref TEXT NOT NULL DEFAULT '',
	form TEXT NOT NULL,
	delivery TEXT NOT NULL,
	status TEXT NOT NULL,
	assignee_id BIGINT REFERENCES users(id),
	created_at TIMESTAMPTZ NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX disclosure_requests_status ON disclosure_requests (status);

CREATE TABLE disclosure_events (
	id BIGSERIAL PRIMARY KEY,
	request_id BIGINT NOT NULL REFERENCES disclosure_requests(id) ON DELETE CASCADE,
	kind TEXT NOT NULL,
	on_date TEXT NOT NULL,
	days INTEGER NOT NULL DEFAULT 0,
	outcome TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL DEFAULT '',
	actor_id BIGINT REFERENCES users(id),
	actor_name TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX disclosure_events_request ON disclosure_events (request_id, id);
