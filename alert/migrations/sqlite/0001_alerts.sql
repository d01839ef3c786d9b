-- Alert channels: e-mail, group robots and webhooks. settings is JSON
-- shown to admins; secrets is the sealed JSON of passwords, robot URLs
-- and signing secrets (never returned by the API).
CREATE TABLE alert_channels (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('email', 'wecom', 'dingtalk', 'feishu', 'webhook')),
	enabled BOOLEAN NOT NULL DEFAULT TRUE,
	settings TEXT NOT NULL DEFAULT '{}',
	secrets TEXT NOT NULL DEFAULT '',
	secret_names TEXT NOT NULL DEFAULT '[]',
	hint TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

-- Recipient groups: sets of channels that rules send to.
CREATE TABLE alert_groups (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

CREATE TABLE alert_group_channels (
	group_id INTEGER NOT NULL REFERENCES alert_groups(id) ON DELETE CASCADE,
	channel_id INTEGER NOT NULL REFERENCES alert_channels(id) ON DELETE CASCADE,
	PRIMARY KEY (group_id, channel_id)
);

-- Rules: a condition, on or off, with its threshold, its recipient group,
-- its reminder interval and whether it passes quiet hours.
CREATE TABLE alert_rules (
	id INTEGER PRIMARY KEY,
	cond TEXT NOT NULL,
	enabled BOOLEAN NOT NULL DEFAULT TRUE,
	group_id INTEGER REFERENCES alert_groups(id) ON DELETE SET NULL,
	threshold INTEGER NOT NULL DEFAULT 0,
	remind_minutes INTEGER NOT NULL DEFAULT 0,
	urgent BOOLEAN NOT NULL DEFAULT FALSE,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

-- The conditions whose default rule was created once (a deleted rule is
-- not created again).
CREATE TABLE alert_seeded (
	cond TEXT PRIMARY KEY
);

-- One row per occurrence of a condition for one subject (a category, a
-- screen, a job): open while resolved_at is NULL.
CREATE TABLE alert_states (
	id INTEGER PRIMARY KEY,
	rule_id INTEGER NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
	item TEXT NOT NULL,
	text TEXT NOT NULL,
	started_at TIMESTAMP NOT NULL,
	seen_at TIMESTAMP NOT NULL,
	last_sent_at TIMESTAMP NOT NULL,
	reminders INTEGER NOT NULL DEFAULT 0,
	resolved_at TIMESTAMP
);
CREATE UNIQUE INDEX alert_states_open ON alert_states (rule_id, item) WHERE resolved_at IS NULL;
CREATE INDEX alert_states_resolved ON alert_states (resolved_at);

-- The outbox: one message for one channel, sent by whichever instance
-- claims it (lease), retried with backoff. Held messages wait for the end
-- of quiet hours and go out in one digest.
CREATE TABLE alert_outbox (
	id INTEGER PRIMARY KEY,
	channel_id INTEGER NOT NULL REFERENCES alert_channels(id) ON DELETE CASCADE,
	rule_id INTEGER REFERENCES alert_rules(id) ON DELETE SET NULL,
	cond TEXT NOT NULL DEFAULT '',
	event TEXT NOT NULL CHECK (event IN ('start', 'remind', 'resolved', 'digest', 'test')),
	subject TEXT NOT NULL,
	body TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('pending', 'held', 'sent', 'failed', 'digested')),
	attempts INTEGER NOT NULL DEFAULT 0,
	max_attempts INTEGER NOT NULL,
	next_at TIMESTAMP NOT NULL,
	lease_holder TEXT NOT NULL DEFAULT '',
	lease_until TIMESTAMP,
	digest_id INTEGER,
	last_error TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	sent_at TIMESTAMP
);
CREATE INDEX alert_outbox_due ON alert_outbox (status, next_at);
CREATE INDEX alert_outbox_channel ON alert_outbox (channel_id, id);

-- The delivery log: every attempt with the answer it got.
CREATE TABLE alert_deliveries (
	id INTEGER PRIMARY KEY,
	outbox_id INTEGER NOT NULL REFERENCES alert_outbox(id) ON DELETE CASCADE,
	channel_id INTEGER NOT NULL REFERENCES alert_channels(id) ON DELETE CASCADE,
	attempt INTEGER NOT NULL,
	at TIMESTAMP NOT NULL,
	ok BOOLEAN NOT NULL,
	answer TEXT NOT NULL DEFAULT '',
	duration_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX alert_deliveries_outbox ON alert_deliveries (outbox_id, id);
CREATE INDEX alert_deliveries_at ON alert_deliveries (at);
