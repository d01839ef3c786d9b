-- SQLite only: the records move to a file of their own. Nothing to do here.
SELECT 1;
