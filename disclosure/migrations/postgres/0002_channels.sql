-- Requests arrive by every channel and staff register them (R11, 条例
-- 第三十一条): the channel says which day was the day of receipt. The
-- annual report (R12, 国办公开办函〔2021〕30号) counts requests by applicant
-- category: 自然人, or one of five kinds of 法人或其他组织. Every request
-- stored so far came from a kiosk; organisations among them are 其他
-- (other) since nobody asked their kind.
ALTER TABLE disclosure_requests ADD COLUMN channel TEXT NOT NULL DEFAULT 'kiosk'
	CHECK (channel IN ('in_person', 'post', 'letter', 'online', 'fax', 'kiosk'));
ALTER TABLE disclosure_requests ADD COLUMN applicant_category TEXT NOT NULL DEFAULT 'natural_person'
	CHECK (applicant_category IN ('natural_person', 'business', 'research', 'public_interest', 'legal_service', 'other'));
UPDATE disclosure_requests SET applicant_category = 'other' WHERE applicant_type = 'organisation';
ALTER TABLE disclosure_requests ADD COLUMN note TEXT NOT NULL DEFAULT '';

-- The scanned paper application of a registered request. It holds
-- personal data: served to admin users only, never from a public path.
CREATE TABLE disclosure_scans (
	request_id BIGINT PRIMARY KEY REFERENCES disclosure_requests(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size BIGINT NOT NULL,
	sha256 TEXT NOT NULL,
	data BYTEA NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);

-- Corrections of a receipt date: the receipt event's date is rewritten,
-- and this keeps the old and the new date with the reason.
CREATE TABLE disclosure_receipt_corrections (
	id BIGSERIAL PRIMARY KEY,
	request_id BIGINT NOT NULL REFERENCES disclosure_requests(id) ON DELETE CASCADE,
	old_date TEXT NOT NULL,
	new_date TEXT NOT NULL,
	reason TEXT NOT NULL,
	actor_id BIGINT REFERENCES users(id),
	actor_name TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX disclosure_receipt_corrections_request ON disclosure_receipt_corrections (request_id, id);
