-- Misses of guarded lookups, counted in a sliding window per scope (a
-- kiosk, a client address, a looked-up key or tracking number), shared by
-- every instance. seq orders the writes: every write takes the next value
-- of lockout_seq in its transaction, so an instance reads what the others
-- wrote since it last looked (seq above the last it saw); origin names the
-- instance that wrote the row. No other index: a batch of misses writes
-- each row and its sequence entry only; the admin lists and the prune
-- (once a minute) read the whole table.
CREATE TABLE lockouts (
	scope TEXT PRIMARY KEY, -- kind:name, e.g. archive.kiosk:17
	misses TEXT NOT NULL DEFAULT '',
	last_miss_at TIMESTAMPTZ,
	next_at TIMESTAMPTZ,
	locked_until TIMESTAMPTZ,
	locks INTEGER NOT NULL DEFAULT 0,
	seq BIGINT NOT NULL,
	origin TEXT NOT NULL DEFAULT ''
);
CREATE INDEX lockouts_seq ON lockouts (seq);

CREATE TABLE lockout_seq (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n BIGINT NOT NULL
);
INSERT INTO lockout_seq (id, n) VALUES (1, 0);
