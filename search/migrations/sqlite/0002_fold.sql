-- Traditional characters are folded to simplified before they are
-- tokenised (search/fold.go), so that 政务公开 finds 政務公開. The copy
-- indexed with the old tokens is emptied: the server's start (Rebuild)
-- indexes every public notice again.
INSERT INTO search_fts (search_fts) VALUES ('delete-all');
INSERT INTO search_titles (search_titles) VALUES ('delete-all');
DELETE FROM search_docs;
