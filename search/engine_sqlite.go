package search

import (
	"context"

	"github.com/hallcast/hallcast/store"
)

// sqliteEngine runs queries on the FTS5 tables. Their rowid is seq, which
// orders documents newest first, so a query reads matches in date order
// and stops at maxCount+1: one pass gives the count and every page a
// kiosk may ask for. The title tier comes from the small search_titles
// index.
type sqliteEngine struct{ db *store.DB }

func (e sqliteEngine) find(ctx context.Context, q Query, p Params) (int, []int64, error) {
	match := q.fts5()
	var where string
	var args []any
	if p.Year != 0 {
		lo, hi := yearSeqs(p.Year)
		where += " AND f.rowid BETWEEN ? AND ?"
		args = append(args, lo, hi)
	}
	join := ""
	if p.CategoryID != 0 {
		join = " JOIN search_docs d ON d.seq = f.rowid"
		where += " AND d.category_id = ?"
		args = append(args, p.CategoryID)
	}
	seqs := func(table string) ([]int64, error) {
		var out []int64
		err := e.db.Select(ctx, &out, "SELECT f.rowid FROM "+table+" f"+join+" WHERE "+table+" MATCH ?"+where+" LIMIT ?",
			append(append([]any{match}, args...), maxCount+1)...)
		return out, err
	}
	all, err := seqs("search_fts")
	if err != nil || len(all) == 0 {
		return 0, nil, err
	}
	titles, err := seqs("search_titles")
	if err != nil {
		return 0, nil, err
	}
	ordered := rankTiers(titles, all)
	from := min((p.Page-1)*p.PerPage, len(ordered))
	return len(ordered), ordered[from:min(from+p.PerPage, len(ordered))], nil
}

// rankTiers puts the first tier's seqs first, then the rest of all, each
// in its given (date) order, without repeats.
func rankTiers(first, all []int64) []int64 {
	seen := make(map[int64]bool, len(first))
	out := make([]int64, 0, len(all)+len(first))
	for _, s := range first {
		seen[s] = true
		out = append(out, s)
	}
	for _, s := range all {
		if !seen[s] {
			out = append(out, s)
		}
	}
	return out
}
