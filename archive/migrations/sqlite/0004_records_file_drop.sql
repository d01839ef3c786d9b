-- The records now live in the records file (0003, committed before this).
DROP TABLE main.archive_records;
