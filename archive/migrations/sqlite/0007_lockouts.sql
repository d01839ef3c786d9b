-- The kiosks' runs of misses move to the lockout component (lockouts,
-- counted in a sliding window; it migrates before the archive): each
-- kiosk keeps its lock and its number of locks, its count starts again.
UPDATE lockout_seq SET n = n + 1 WHERE id = 1;
INSERT INTO lockouts (scope, misses, last_miss_at, next_at, locked_until, locks, seq, origin)
SELECT 'archive.kiosk:' || kiosk_id, '', last_miss_at, next_at, locked_until, locks,
	(SELECT n FROM lockout_seq WHERE id = 1), ''
FROM archive_kiosks;
DROP TABLE archive_kiosks;
