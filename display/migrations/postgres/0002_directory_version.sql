-- The version of the screen directory (which screens exist, their names and
-- groups): every write that changes it bumps the one row, in the writer's
-- own transaction, whoever writes (the server, `hallcast device add`,
-- another instance, SQL by hand). Whoever caches the directory compares
-- the version before trusting the cache (server/app_emergency.go).
CREATE TABLE screen_directory (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	version BIGINT NOT NULL
);
INSERT INTO screen_directory (id, version) VALUES (1, 1);

CREATE FUNCTION screen_directory_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE screen_directory SET version = version + 1 WHERE id = 1;
	RETURN NULL;
END
$$;

CREATE TRIGGER devices_directory AFTER INSERT OR DELETE OR TRUNCATE ON devices
	FOR EACH STATEMENT EXECUTE FUNCTION screen_directory_bump();
-- Not the frequent writes of last_seen_at and last_ip.
CREATE TRIGGER devices_directory_update AFTER UPDATE OF id, kind, name, revoked_at ON devices
	FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.kind IS DISTINCT FROM NEW.kind
		OR OLD.name IS DISTINCT FROM NEW.name OR OLD.revoked_at IS DISTINCT FROM NEW.revoked_at)
	EXECUTE FUNCTION screen_directory_bump();
CREATE TRIGGER screens_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON screens
	FOR EACH STATEMENT EXECUTE FUNCTION screen_directory_bump();
CREATE TRIGGER screen_groups_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON screen_groups
	FOR EACH STATEMENT EXECUTE FUNCTION screen_directory_bump();
CREATE TRIGGER screen_group_members_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON screen_group_members
	FOR EACH STATEMENT EXECUTE FUNCTION screen_directory_bump();
