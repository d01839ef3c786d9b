package search

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/hallcast/hallcast/store"
)

// Put adds or replaces a document.
func (s *Service) Put(ctx context.Context, d Doc) error {
	return wrap("index a notice", s.db.Tx(ctx, func(tx *store.Tx) error { return put(ctx, tx, d) }))
}

// PutMany adds or replaces documents in one transaction (bulk loads).
func (s *Service) PutMany(ctx context.Context, docs []Doc) error {
	return wrap("index notices", s.db.Tx(ctx, func(tx *store.Tx) error {
		for _, d := range docs {
			if err := put(ctx, tx, d); err != nil {
				return err
			}
		}
		return nil
	}))
}

// Delete removes a document; a missing one is not an error.
func (s *Service) Delete(ctx context.Context, id int64) error {
	return wrap("unindex a notice", s.db.Tx(ctx, func(tx *store.Tx) error { return del(ctx, tx, id) }))
}

func del(ctx context.Context, tx *store.Tx, id int64) error {
	if tx.Dialect() == store.SQLite {
		var seq int64
		err := tx.Get(ctx, &seq, "SELECT seq FROM search_docs WHERE id = ?", id)
		if store.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		for _, t := range []string{"search_fts", "search_titles"} {
			if _, err := tx.Exec(ctx, "DELETE FROM "+t+" WHERE rowid = ?", seq); err != nil {
				return err
			}
		}
	}
	_, err := tx.Exec(ctx, "DELETE FROM search_docs WHERE id = ?", id)
	return err
}

// seqOf is the key that orders documents newest first: 2^20 minus the
// days since 1970 of the publication date in the upper 32 bits, and in the
// lower 2^32-1 minus the notice ID, so that within a day the later notice
// comes first.
func seqOf(d Doc) int64 {
	return daySeq(d.PublishedAt) | (0xffffffff - d.ID&0xffffffff)
}

const maxDays = 1 << 20

func daySeq(t time.Time) int64 {
	y, m, day := t.Date()
	days := min(max(time.Date(y, m, day, 0, 0, 0, 0, time.UTC).Unix()/86400, 0), maxDays)
	return (maxDays - days) << 32
}

// yearSeqs returns the seq range of documents published in year.
func yearSeqs(year int) (lo, hi int64) {
	return daySeq(time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)) + 1<<32, daySeq(time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)) + 1<<32 - 1
}

func put(ctx context.Context, tx *store.Tx, d Doc) error {
	// The copy keeps the original text for titles and snippets; only the
	// tokens are normalised.
	d.Title, d.IndexNo, d.Body = strings.TrimSpace(d.Title), strings.TrimSpace(d.IndexNo), strings.TrimSpace(d.Body)
	if err := del(ctx, tx, d.ID); err != nil {
		return err
	}
	seq := seqOf(d)
	const cols = "seq, id, kind, category_id, year, published_at, status, updated_at, category, title, index_no"
	args := []any{seq, d.ID, d.Kind, d.CategoryID, d.PublishedAt.Year(), d.PublishedAt, d.Status, d.UpdatedAt, d.Category, d.Title, d.IndexNo}
	if tx.Dialect() == store.Postgres {
		if _, err := tx.Exec(ctx, "INSERT INTO search_docs ("+cols+", title_vec, vec) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::tsvector, ?::tsvector)",
			append(args, tsvector(d, false), tsvector(d, true))...); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "INSERT INTO search_bodies (id, body) VALUES (?, ?)", d.ID, d.Body)
		return err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO search_docs ("+cols+", body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", append(args, d.Body)...); err != nil {
		return err
	}
	title, code := IndexText(d.Title), IndexText(d.IndexNo)
	if _, err := tx.Exec(ctx, "INSERT INTO search_titles (rowid, title, code) VALUES (?, ?, ?)", seq, title, code); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, "INSERT INTO search_fts (rowid, title, code, body) VALUES (?, ?, ?, ?)", seq, title, code, IndexText(d.Body))
	return err
}

// maxPosition is the largest tsvector position PostgreSQL keeps.
const maxPosition = 16383

// tsvector builds the tsvector literal of a document's title and index
// number, and with body its text too, positions in reading order with a
// gap between fields so that a phrase cannot span two of them.
func tsvector(d Doc, body bool) string {
	var b strings.Builder
	pos := 0
	field := func(text string) {
		for _, tok := range strings.Fields(IndexText(text)) {
			pos++
			if pos > maxPosition {
				return
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(quoteLexeme(tok))
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(pos))
		}
		pos += 2
	}
	field(d.Title)
	field(d.IndexNo)
	if body {
		field(d.Body)
	}
	return b.String()
}
