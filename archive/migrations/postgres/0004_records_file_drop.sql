-- SQLite only (see 0003). Nothing to do here.
SELECT 1;
