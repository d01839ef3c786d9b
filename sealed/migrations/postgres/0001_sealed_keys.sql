-- The contact keys this database's sealed values use, by fingerprint
-- (sealed.Key.ID), never the keys themselves: an instance that lacks one
-- refuses to start instead of sealing with a key of its own. A key is
-- retired once no value is sealed with it (hallcast keys retire).
CREATE TABLE sealed_keys (
	id TEXT PRIMARY KEY,
	added_at TIMESTAMPTZ NOT NULL,
	retired_at TIMESTAMPTZ
);

-- Tables whose database files may still hold values from before they
-- were sealed again (plain personal data before the upgrade, values
-- sealed with a key being retired), noted before resealing and cleared
-- once store.Scrub rewrote them, so that a scrub a crash interrupted
-- happens at the next start.
CREATE TABLE sealed_scrubs (
	table_name TEXT PRIMARY KEY,
	since TIMESTAMPTZ NOT NULL
);
