ALTER TABLE feed_sources ADD COLUMN trusted_by BIGINT REFERENCES users(id);
