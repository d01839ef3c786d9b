package search

import (
	"context"
	"time"
)

// Params select and page search results.
type Params struct {
	Query      string
	CategoryID int64 // 0: every category
	Year       int   // 0: every year
	Page       int   // from 1
	PerPage    int   // default 10, at most 50
}

// Hit is one result, with its title and a snippet of its text cut into
// segments where the query matched.
type Hit struct {
	ID          int64     `json:"id"`
	Kind        string    `json:"kind"`
	CategoryID  int64     `json:"category_id"`
	Category    string    `json:"category"`
	Title       []Segment `json:"title"`
	IndexNo     string    `json:"index_no"`
	Snippet     []Segment `json:"snippet"`
	PublishedAt time.Time `json:"published_at"`
	Status      string    `json:"status"`
}

// Result is one page of hits. Total counts the matches up to maxCount;
// TotalCapped says there are more.
type Result struct {
	Hits        []Hit `json:"hits"`
	Total       int   `json:"total"`
	TotalCapped bool  `json:"total_capped"`
	Page        int   `json:"page"`
	PerPage     int   `json:"per_page"`
}

// maxCount bounds the counting of matches: beyond it the kiosk shows
// "more than 500"; it is also the deepest result a citizen can page to.
const maxCount = 500

// maxPage bounds how deep a citizen may page.
const maxPage = maxCount / 10

// Search finds documents matching the query, filtered by category and
// year, in two relevance tiers: notices whose title or index number
// matches the whole query come first, then those that match in the text;
// within a tier the newest come first. (Ranking every match by bm25 costs
// about a microsecond per match, too much for a query as common as 低保
// in 100,000 notices; with the tiers a query reads at most maxCount+1
// matches on SQLite.)
// A query without searchable characters finds nothing; no input is an
// error.
func (s *Service) Search(ctx context.Context, p Params) (*Result, error) {
	if p.PerPage <= 0 {
		p.PerPage = 10
	}
	p.PerPage = min(p.PerPage, 50)
	p.Page = min(max(p.Page, 1), maxPage)
	res := &Result{Hits: []Hit{}, Page: p.Page, PerPage: p.PerPage}
	q := ParseQuery(p.Query)
	if q.Empty() {
		return res, nil
	}
	var e engine = sqliteEngine{s.db}
	if s.db.Dialect() == "postgres" {
		e = postgresEngine{s.db}
	}
	n, seqs, err := e.find(ctx, q, p)
	if err != nil {
		return nil, wrap("search", err)
	}
	res.Total, res.TotalCapped = min(n, maxCount), n > maxCount
	docs, err := s.docs(ctx, seqs)
	if err != nil {
		return nil, err
	}
	for _, seq := range seqs {
		if d, ok := docs[seq]; ok {
			res.Hits = append(res.Hits, hit(d, q.Needles))
		}
	}
	return res, nil
}

// engine runs a parsed query on one database: it returns the number of
// matches (counted up to maxCount+1) and the seqs of the requested page.
type engine interface {
	find(ctx context.Context, q Query, p Params) (int, []int64, error)
}

type docRow struct {
	Doc
	Seq int64 `db:"seq"`
}

func (s *Service) docs(ctx context.Context, seqs []int64) (map[int64]Doc, error) {
	out := map[int64]Doc{}
	if len(seqs) == 0 {
		return out, nil
	}
	in := "?"
	args := []any{seqs[0]}
	for _, seq := range seqs[1:] {
		in += ", ?"
		args = append(args, seq)
	}
	body, join := "d.body", ""
	if s.db.Dialect() == "postgres" {
		body, join = "COALESCE(b.body, '') AS body", " LEFT JOIN search_bodies b ON b.id = d.id"
	}
	var rows []docRow
	if err := s.db.Select(ctx, &rows, "SELECT d.seq, d.id, d.kind, d.category_id, d.category, d.title, d.index_no, "+body+
		", d.published_at, d.status, d.updated_at FROM search_docs d"+join+" WHERE d.seq IN ("+in+")", args...); err != nil {
		return nil, wrap("read hits", err)
	}
	for _, r := range rows {
		out[r.Seq] = r.Doc
	}
	return out, nil
}

func hit(d Doc, needles []string) Hit {
	return Hit{
		ID: d.ID, Kind: d.Kind, CategoryID: d.CategoryID, Category: d.Category,
		Title: Highlight(d.Title, needles), IndexNo: d.IndexNo, Snippet: Snippet(d.Body, needles, snippetRunes),
		PublishedAt: d.PublishedAt, Status: d.Status,
	}
}

// Years lists the publication years that have documents, newest first,
// for the year filter.
func (s *Service) Years(ctx context.Context) ([]int, error) {
	out := []int{}
	err := s.db.Select(ctx, &out, "SELECT DISTINCT year FROM search_docs ORDER BY year DESC")
	return out, wrap("list years", err)
}

// Count returns how many documents are indexed.
func (s *Service) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.Get(ctx, &n, "SELECT COUNT(*) FROM search_docs")
	return n, wrap("count documents", err)
}
