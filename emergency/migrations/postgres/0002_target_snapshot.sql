-- The target list is stored with the emergency as one JSON document (one
-- write for 19,000 screens instead of 19,000 rows), and receipts are rows
-- written as the acks arrive.
ALTER TABLE emergencies ADD COLUMN targets TEXT NOT NULL DEFAULT '{}';
ALTER TABLE emergencies ADD COLUMN target_count INTEGER NOT NULL DEFAULT 0;
DROP TABLE emergency_targets;
CREATE TABLE emergency_receipts (
	emergency_id BIGINT NOT NULL REFERENCES emergencies(id) ON DELETE CASCADE,
	device_id BIGINT NOT NULL,
	acked_at TIMESTAMPTZ NOT NULL,
	PRIMARY KEY (emergency_id, device_id)
);
