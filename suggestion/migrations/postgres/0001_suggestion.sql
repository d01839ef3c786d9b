-- 意见箱: suggestions and complaints from the kiosk. The phone is kept to
-- reach the citizen; only its masked form leaves the server. lookup_key is
-- the last four digits of the phone, or a random query code printed on
-- the receipt when no phone was given.
CREATE TABLE suggestions (
	id BIGSERIAL PRIMARY KEY,
	tracking_no TEXT NOT NULL UNIQUE,
	device_id BIGINT REFERENCES devices(id),
	category TEXT NOT NULL CHECK (category IN ('suggestion', 'complaint', 'consultation', 'praise')),
	body TEXT NOT NULL,
	phone TEXT NOT NULL DEFAULT '',
	lookup_key TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'replied', 'closed')),
	assignee_id BIGINT REFERENCES users(id),
	reply TEXT NOT NULL DEFAULT '',
	replied_at TIMESTAMPTZ,
	replied_by BIGINT REFERENCES users(id),
	closed_at TIMESTAMPTZ,
	created_at TIMESTAMPTZ NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX suggestions_status ON suggestions (status);
