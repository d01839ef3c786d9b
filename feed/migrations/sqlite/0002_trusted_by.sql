ALTER TABLE feed_sources ADD COLUMN trusted_by INTEGER REFERENCES users(id);
