-- The query audit is pruned by age (housekeeping.log_retention).
CREATE INDEX archive_queries_at ON archive_queries (at);
