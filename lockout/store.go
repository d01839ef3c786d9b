package lockout

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hallcast/hallcast/store"
)

// row is a scope as stored.
type row struct {
	Scope       string     `db:"scope"`
	Misses      string     `db:"misses"`
	LastMissAt  *time.Time `db:"last_miss_at"`
	NextAt      *time.Time `db:"next_at"`
	LockedUntil *time.Time `db:"locked_until"`
	Locks       int        `db:"locks"`
	Seq         int64      `db:"seq"`
}

const rowColumns = "scope, misses, last_miss_at, next_at, locked_until, locks, seq"

// split is the kind and name of a stored scope (kinds have no colon).
func (r row) split() (kind, name string) {
	kind, name, _ = strings.Cut(r.Scope, ":")
	return kind, name
}

// ofKind is the condition on a scope's kind, for the rare whole-table
// reads (the admin lists, the prune); its argument is kindPrefix(kind).
const ofKind = "substr(scope, 1, ?) = ?"

func kindPrefix(kind string) []any { return []any{len(kind) + 1, kind + ":"} }

func (r row) state() (State, error) {
	ms, err := decodeMisses(r.Misses)
	if err != nil {
		return State{}, fmt.Errorf("%w (scope %s)", err, r.Scope)
	}
	return State{Misses: ms, LastMissAt: r.LastMissAt, NextAt: r.NextAt, LockedUntil: r.LockedUntil, Locks: r.Locks}, nil
}

// Chunk sizes keep statements under the databases' parameter limits.
const (
	readChunk  = 500
	writeChunk = 100
)

// Flush writes the misses waiting in memory, merged with what other
// instances wrote, in one transaction, and takes the merged states back.
// On failure they stay in memory for the next try.
func (g *Guard) Flush(ctx context.Context) error {
	g.flushMu.Lock()
	defer g.flushMu.Unlock()
	return g.flushLocked(ctx)
}

type job struct {
	id string
	e  *entry
	ms []miss
}

func (g *Guard) flushLocked(ctx context.Context) error {
	g.mu.Lock()
	var jobs []job
	for id, e := range g.entries {
		if len(e.pending) > 0 {
			jobs = append(jobs, job{id: id, e: e, ms: slices.Clone(e.pending)})
		}
	}
	g.mu.Unlock()
	if len(jobs) == 0 {
		return nil
	}
	if len(jobs) >= writeChunk && g.upsert == nil {
		// Prepared on the writer outside the transaction: on SQLite the
		// writer pool has one connection, which the transaction holds.
		stmt, err := g.db.Writer().PreparexContext(context.WithoutCancel(ctx), g.db.Rebind(upsertQuery(writeChunk)))
		if err != nil {
			return fmt.Errorf("lockout: unable to prepare the write of misses: %w", err)
		}
		g.upsert = stmt
	}
	written := make(map[string]State, len(jobs))
	var seq int64
	err := g.db.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if seq, err = nextSeq(ctx, tx); err != nil {
			return err
		}
		// Holding the sequence, no other write can commit: what the other
		// instances wrote since the last sync is all below seq. Once it is
		// merged, memory holds every stored scope that counts or refuses
		// anything (sync.go), so the merged states need no read.
		if err := g.readSince(ctx, tx, seq-1); err != nil {
			return err
		}
		g.mu.Lock()
		for _, j := range jobs {
			written[j.id] = fold(j.e.base, j.ms)
		}
		g.mu.Unlock()
		return g.write(ctx, tx, jobs, written, seq)
	})
	if err != nil {
		return fmt.Errorf("lockout: unable to write misses: %w", err)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, j := range jobs {
		e := j.e
		if e.pending = e.pending[len(j.ms):]; len(e.pending) == 0 {
			e.pending = nil
		}
		e.base, e.seq = written[j.id], seq
		e.st = fold(e.base, e.pending)
	}
	g.lastSeq = seq
	return nil
}

// nextSeq takes the next sequence value. The row stays locked until the
// transaction ends, so writers take their values in commit order.
func nextSeq(ctx context.Context, tx *store.Tx) (int64, error) {
	var seq int64
	if err := tx.Get(ctx, &seq, "UPDATE lockout_seq SET n = n + 1 WHERE id = 1 RETURNING n"); err != nil {
		return 0, fmt.Errorf("lockout: unable to take a sequence value: %w", err)
	}
	return seq, nil
}

// readStates reads the stored states of scopes (missing ones are absent).
func readStates(ctx context.Context, q store.Querier, ids []string) (map[string]State, error) {
	out := make(map[string]State, len(ids))
	for len(ids) > 0 {
		chunk := ids[:min(readChunk, len(ids))]
		ids = ids[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		var rows []row
		if err := q.Select(ctx, &rows, "SELECT "+rowColumns+" FROM lockouts WHERE scope IN (?"+strings.Repeat(", ?", len(chunk)-1)+")", args...); err != nil {
			return nil, err
		}
		for _, r := range rows {
			st, err := r.state()
			if err != nil {
				return nil, err
			}
			out[r.Scope] = st
		}
	}
	return out, nil
}

// upsertQuery writes n scopes in one statement.
func upsertQuery(n int) string {
	return `INSERT INTO lockouts (scope, misses, last_miss_at, next_at, locked_until, locks, seq, origin)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)` + strings.Repeat(", (?, ?, ?, ?, ?, ?, ?, ?)", n-1) + `
		ON CONFLICT (scope) DO UPDATE SET misses = excluded.misses, last_miss_at = excluded.last_miss_at, next_at = excluded.next_at,
		locked_until = excluded.locked_until, locks = excluded.locks, seq = excluded.seq, origin = excluded.origin`
}

// write stores the states of the jobs' scopes with sequence value seq:
// full chunks through a statement prepared once (parsing it cost as much
// as a third of the writing), the rest through one built for it.
func (g *Guard) write(ctx context.Context, tx *store.Tx, jobs []job, states map[string]State, seq int64) error {
	args := make([]any, 0, 8*writeChunk)
	for len(jobs) > 0 {
		chunk := jobs[:min(writeChunk, len(jobs))]
		jobs = jobs[len(chunk):]
		args = args[:0]
		for _, j := range chunk {
			st := states[j.id]
			args = append(args, j.id, encodeMisses(st.Misses), dbTime(st.LastMissAt), dbTime(st.NextAt),
				dbTime(st.LockedUntil), st.Locks, seq, g.origin)
		}
		var err error
		if len(chunk) == writeChunk {
			_, err = tx.Sqlx().StmtxContext(ctx, g.upsert).ExecContext(ctx, args...)
		} else {
			_, err = tx.Exec(ctx, upsertQuery(len(chunk)), args...)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func dbTime(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC().Truncate(time.Microsecond)
	return &u
}

// Sync reads what other instances wrote since the last sync and merges it
// into memory.
func (g *Guard) Sync(ctx context.Context) error {
	g.flushMu.Lock()
	defer g.flushMu.Unlock()
	var top int64
	if err := g.db.Get(ctx, &top, "SELECT n FROM lockout_seq WHERE id = 1"); err != nil {
		return fmt.Errorf("lockout: unable to read the sequence: %w", err)
	}
	// Values up to top were taken by committed transactions (see nextSeq);
	// a row written again since shows a higher value and comes next time.
	return g.readSince(ctx, g.db, top)
}

// readSince merges the rows other instances wrote with sequence values
// from the last read to top (g.flushMu held). Memory then holds every
// stored scope that counts or refuses anything: New reads them all, later
// reads what changed, and evict drops only what counts and refuses
// nothing.
func (g *Guard) readSince(ctx context.Context, q store.Querier, top int64) error {
	if top <= g.lastSeq {
		return nil
	}
	var rows []row
	if err := q.Select(ctx, &rows, "SELECT "+rowColumns+" FROM lockouts WHERE seq > ? AND seq <= ? AND origin <> ?",
		g.lastSeq, top, g.origin); err != nil {
		return fmt.Errorf("lockout: unable to read other instances' misses: %w", err)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, r := range rows {
		st, err := r.state()
		if err != nil {
			return err
		}
		e := g.entries[r.Scope]
		if e == nil {
			kind, name := r.split()
			e = &entry{kind: kind, name: name}
			g.entries[r.Scope] = e
		}
		if r.Seq > e.seq {
			e.base, e.seq = st, r.Seq
			e.st = fold(st, e.pending)
		}
	}
	g.lastSeq = top
	return nil
}

// prune deletes the stored scopes whose misses expired and that refuse
// nothing, of the kinds seen since start that do not keep their rows.
func (g *Guard) prune(ctx context.Context) error {
	now := g.clock.Now()
	g.mu.Lock()
	rules := make(map[string]Rule, len(g.rules))
	for k, r := range g.rules {
		rules[k] = r
	}
	g.evictLocked(now)
	g.mu.Unlock()
	for kind, r := range rules {
		if r.Keep {
			continue
		}
		cutoff := dbTime(new(now.Add(-r.Window - time.Duration(r.slotLen())*time.Second)))
		args := append(kindPrefix(kind), cutoff, dbTime(&now), dbTime(&now))
		if _, err := g.db.Exec(ctx, `DELETE FROM lockouts WHERE `+ofKind+` AND last_miss_at < ?
			AND (locked_until IS NULL OR locked_until < ?) AND (next_at IS NULL OR next_at < ?)`, args...); err != nil {
			return fmt.Errorf("lockout: unable to prune %s: %w", kind, err)
		}
	}
	return nil
}
