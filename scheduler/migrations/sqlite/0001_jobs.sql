CREATE TABLE job_settings (
	name TEXT PRIMARY KEY,
	spec TEXT NOT NULL,
	enabled BOOLEAN NOT NULL DEFAULT TRUE,
	updated_at TIMESTAMP NOT NULL,
	updated_by INTEGER
);

CREATE TABLE job_runs (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	cause TEXT NOT NULL,
	instance TEXT NOT NULL,
	tick TIMESTAMP NOT NULL,
	started_at TIMESTAMP NOT NULL,
	finished_at TIMESTAMP,
	status TEXT NOT NULL,
	result TEXT NOT NULL DEFAULT '',
	error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX job_runs_name ON job_runs (name, id);
CREATE INDEX job_runs_started ON job_runs (started_at);

CREATE TABLE job_ticks (
	name TEXT NOT NULL,
	tick TIMESTAMP NOT NULL,
	instance TEXT NOT NULL,
	PRIMARY KEY (name, tick)
);

CREATE TABLE job_leases (
	name TEXT PRIMARY KEY,
	holder TEXT NOT NULL,
	expires_at TIMESTAMP NOT NULL
);
