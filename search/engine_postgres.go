package search

import (
	"context"
	"database/sql"

	"github.com/hallcast/hallcast/store"
)

// postgresEngine runs queries on the tsvector column through its GIN
// index, in the order of the SQLite engine: title matches first, then by
// seq (newest first), at most maxCount+1 matches, paged in Go.
//
// The GIN index answers "has all these tokens" alone; a phrase also needs
// the positions, which means reading (de-TOASTing) each candidate's large
// vec. So the candidates of the tokens are sorted first (from the narrow
// rows: title_vec and seq) and the phrase is checked on them in that
// order, stopping at maxCount+1 matches (OFFSET 0 keeps the planner from
// checking it before the sort). The planner does not count the de-TOAST
// cost and would rather scan the whole table: the queries run in a
// read-only transaction with enable_seqscan off.
type postgresEngine struct{ db *store.DB }

func (e postgresEngine) find(ctx context.Context, q Query, p Params) (int, []int64, error) {
	phrase := q.tsquery()
	all, phrased := q.tsqueryAll()
	where := "d.vec @@ ?::tsquery"
	args := []any{all}
	if p.Year != 0 {
		where += " AND d.year = ?"
		args = append(args, p.Year)
	}
	if p.CategoryID != 0 {
		where += " AND d.category_id = ?"
		args = append(args, p.CategoryID)
	}
	candidates := " FROM search_docs d WHERE " + where + " ORDER BY (d.title_vec @@ ?::tsquery) DESC, d.seq"
	args = append(args, phrase)
	query := "SELECT d.seq" + candidates + " LIMIT ?"
	if phrased {
		query = "SELECT c.seq FROM (SELECT d.seq, d.vec" + candidates + " OFFSET 0) c WHERE c.vec @@ ?::tsquery LIMIT ?"
		args = append(args, phrase)
	}
	args = append(args, maxCount+1)
	tx, err := e.db.Reader().BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, nil, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
		return 0, nil, err
	}
	var seqs []int64
	if err := tx.SelectContext(ctx, &seqs, e.db.Rebind(query), args...); err != nil {
		return 0, nil, err
	}
	from := min((p.Page-1)*p.PerPage, len(seqs))
	return len(seqs), seqs[from:min(from+p.PerPage, len(seqs))], nil
}
