package search

import (
	"strings"
	"unicode/utf8"
)

// Term is one part of a query that must match: consecutive tokens (a
// phrase), the last of which may be a prefix.
type Term struct {
	Tokens []string
	Prefix bool
}

// Query is a parsed search: every term must match. Needles are the
// normalised strings to highlight in titles and snippets.
type Query struct {
	Terms   []Term
	Needles []string
}

// maxTerms bounds the work one query can cause.
const maxTerms = 8

// ParseQuery turns what a citizen typed into terms. There is no query
// syntax: quotes, AND/OR/NEAR, *, -, parentheses and other punctuation are
// plain text (punctuation separates words), so no input is a syntax error.
// Words separated by spaces or punctuation are separate terms; within a
// word, Han and Latin/digit runs form one phrase ("2026年低保" matches
// those characters in that order). A single Han character at the end of a
// word matches any occurrence of it (a prefix on its token).
func ParseQuery(q string) Query {
	var out Query
	if utf8.RuneCountInString(q) > 200 {
		q = string([]rune(q)[:200])
	}
	seen := map[string]bool{}
	for _, word := range strings.FieldsFunc(Normalize(q), func(r rune) bool { return !isHan(r) && !isWord(r) }) {
		rs := runs(word)
		var t Term
		for i, r := range rs {
			if !seen[r.text] {
				seen[r.text] = true
				out.Needles = append(out.Needles, r.text)
			}
			last := i == len(rs)-1
			switch {
			case r.kind == runWord:
				t.Tokens = append(t.Tokens, r.text)
			case !last:
				// Something follows, so in a document the run ends here
				// too: its last character is a token of its own.
				t.Tokens = append(t.Tokens, hanTokens(r.text)...)
			case utf8.RuneCountInString(r.text) == 1:
				t.Tokens = append(t.Tokens, r.text)
				t.Prefix = true
			default:
				// The run may go on in a document: its bigrams only.
				toks := hanTokens(r.text)
				t.Tokens = append(t.Tokens, toks[:len(toks)-1]...)
			}
		}
		if len(t.Tokens) > 0 {
			out.Terms = append(out.Terms, t)
		}
	}
	if len(out.Terms) > maxTerms {
		out.Terms = out.Terms[:maxTerms]
	}
	return out
}

// Empty reports whether the query has nothing to search for.
func (q Query) Empty() bool { return len(q.Terms) == 0 }

// fts5 renders the query as an FTS5 MATCH expression. Every token is
// quoted, so nothing the user typed is read as an operator; tokens hold
// only letters and digits, so they need no escaping.
func (q Query) fts5() string {
	parts := make([]string, 0, len(q.Terms))
	for _, t := range q.Terms {
		p := `"` + strings.Join(t.Tokens, " ") + `"`
		if t.Prefix {
			p += "*"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " AND ")
}

// tsquery renders the query as a PostgreSQL tsquery literal: phrases with
// <->, a prefix with :*, terms joined with &.
func (q Query) tsquery() string {
	parts := make([]string, 0, len(q.Terms))
	for _, t := range q.Terms {
		toks := make([]string, len(t.Tokens))
		for i, tok := range t.Tokens {
			toks[i] = quoteLexeme(tok)
		}
		if t.Prefix {
			toks[len(toks)-1] += ":*"
		}
		parts = append(parts, "("+strings.Join(toks, " <-> ")+")")
	}
	return strings.Join(parts, " & ")
}

// tsqueryAll renders the query as a tsquery of all its tokens joined with
// & and no positions: what the GIN index answers without reading a row.
// phrased reports whether the query has a phrase, which tsquery() then
// has to check on the candidates.
func (q Query) tsqueryAll() (all string, phrased bool) {
	var toks []string
	for _, t := range q.Terms {
		phrased = phrased || len(t.Tokens) > 1
		for i, tok := range t.Tokens {
			l := quoteLexeme(tok)
			if t.Prefix && i == len(t.Tokens)-1 {
				l += ":*"
			}
			toks = append(toks, l)
		}
	}
	return strings.Join(toks, " & "), phrased
}

// quoteLexeme quotes a token for tsvector/tsquery input.
func quoteLexeme(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
