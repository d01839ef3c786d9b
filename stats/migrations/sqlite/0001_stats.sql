-- Daily statistics rolled up from raw logs (kiosk visits, ratings,
-- suggestions, ...) so that they outlive the logs' retention. subject is
-- what the figure is about (a kiosk's device ID, a rating level), 0 when
-- nothing.
CREATE TABLE stats_daily (
	day TEXT NOT NULL,
	metric TEXT NOT NULL,
	subject INTEGER NOT NULL DEFAULT 0,
	value INTEGER NOT NULL,
	PRIMARY KEY (day, metric, subject)
);
CREATE INDEX stats_daily_metric ON stats_daily (metric, day);

-- One row per rolled-up day: the roll-up resumes after the last one.
CREATE TABLE stats_days (
	day TEXT PRIMARY KEY,
	rolled_at TIMESTAMP NOT NULL
);
