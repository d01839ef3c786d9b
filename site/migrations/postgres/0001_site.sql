-- The public web edition (site): the key that signs its form tokens,
-- shared by every instance on this database, and the tokens already used
-- (one use each; rows older than a token's lifetime are pruned).
CREATE TABLE site_keys (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	secret TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE site_tokens (
	nonce TEXT PRIMARY KEY,
	used_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX site_tokens_used ON site_tokens (used_at);
