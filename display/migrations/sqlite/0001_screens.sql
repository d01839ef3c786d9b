CREATE TABLE screen_groups (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL CHECK (kind IN ('hall', 'floor', 'place')),
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

CREATE TABLE screens (
	device_id INTEGER PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('led_strip', 'led_wall', 'landscape', 'portrait')),
	width INTEGER NOT NULL,
	height INTEGER NOT NULL,
	lines INTEGER NOT NULL,
	colors TEXT NOT NULL CHECK (colors IN ('red', 'red_green', 'full')),
	glyph_px INTEGER NOT NULL,
	chars_per_second INTEGER NOT NULL,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

CREATE TABLE screen_group_members (
	group_id INTEGER NOT NULL REFERENCES screen_groups(id) ON DELETE CASCADE,
	device_id INTEGER NOT NULL REFERENCES screens(device_id) ON DELETE CASCADE,
	PRIMARY KEY (group_id, device_id)
);
CREATE INDEX screen_group_members_device ON screen_group_members (device_id);

CREATE TABLE playlists (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

CREATE TABLE playlist_items (
	id INTEGER PRIMARY KEY,
	playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	type TEXT NOT NULL CHECK (type IN ('notices', 'notice', 'clock', 'countdown', 'ticker', 'stats')),
	notice_id INTEGER,
	category_id INTEGER,
	notice_kind TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL DEFAULT '',
	duration_s INTEGER
);
CREATE INDEX playlist_items_playlist ON playlist_items (playlist_id, position);

CREATE TABLE screen_schedules (
	id INTEGER PRIMARY KEY,
	playlist_id INTEGER NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
	group_id INTEGER REFERENCES screen_groups(id) ON DELETE CASCADE,
	weekdays INTEGER NOT NULL,
	start_minute INTEGER NOT NULL,
	end_minute INTEGER NOT NULL,
	start_date TEXT,
	end_date TEXT,
	priority INTEGER NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

CREATE TABLE screen_power_schedules (
	id INTEGER PRIMARY KEY,
	group_id INTEGER REFERENCES screen_groups(id) ON DELETE CASCADE,
	weekdays INTEGER NOT NULL,
	on_minute INTEGER NOT NULL,
	off_minute INTEGER NOT NULL,
	standby TEXT NOT NULL CHECK (standby IN ('black', 'dim_clock')),
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);
