-- The version of the screen directory (which screens exist, their names and
-- groups): every write that changes it bumps the one row, in the writer's
-- own transaction, whoever writes (the server, `hallcast device add` in
-- another process, SQL by hand). Whoever caches the directory compares
-- the version before trusting the cache (server/app_emergency.go).
CREATE TABLE screen_directory (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version INTEGER NOT NULL
);
INSERT INTO screen_directory (id, version) VALUES (1, 1);

CREATE TRIGGER devices_directory_insert AFTER INSERT ON devices
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER devices_directory_delete AFTER DELETE ON devices
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;
-- Not the frequent writes of last_seen_at and last_ip.
CREATE TRIGGER devices_directory_update AFTER UPDATE OF id, kind, name, revoked_at ON devices
WHEN OLD.id IS NOT NEW.id OR OLD.kind IS NOT NEW.kind OR OLD.name IS NOT NEW.name OR OLD.revoked_at IS NOT NEW.revoked_at
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER screens_directory_insert AFTER INSERT ON screens
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER screens_directory_update AFTER UPDATE ON screens
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER screens_directory_delete AFTER DELETE ON screens
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER screen_groups_directory_insert AFTER INSERT ON screen_groups
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER screen_groups_directory_update AFTER UPDATE ON screen_groups
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER screen_groups_directory_delete AFTER DELETE ON screen_groups
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;

CREATE TRIGGER screen_group_members_directory_insert AFTER INSERT ON screen_group_members
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER screen_group_members_directory_update AFTER UPDATE ON screen_group_members
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER screen_group_members_directory_delete AFTER DELETE ON screen_group_members
BEGIN UPDATE screen_directory SET version = version + 1 WHERE id = 1; END;
