package archive

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/hallcast/hallcast/store"
)

// queryEvent is one kiosk query to audit.
type queryEvent struct {
	at        time.Time
	kiosk     string
	address   string
	datasetID int64
	outcome   string
	records   int
}

// recorder audits queries in batches. A query adds its event to memory
// and returns at once (the misses count in the lockout, lockout package);
// the events are written in one transaction every
// flushEvery, as soon as flushAt of them wait, before an admin reads the
// audit, and at Close. A commit per query would cost a transaction each
// and, on SQLite, empty every reader's page cache each time. The price: a
// crash (not a shutdown) loses at most the events of the last flushEvery.
type recorder struct {
	s *Service
	// flushMu serialises flushes; insert is prepared by the first.
	flushMu sync.Mutex
	insert  *sqlx.Stmt

	mu      sync.Mutex
	written *sync.Cond // broadcast after each flush
	buf     []*queryEvent
	closed  bool

	kick chan struct{}
	stop chan struct{}
	done chan struct{}
}

const (
	// flushEvery is the longest an event waits in memory.
	flushEvery = 250 * time.Millisecond
	// flushAt events waiting start a flush before the tick.
	flushAt = 4096
	// maxPending events waiting make queries wait for a flush (the
	// database is slow or away): the audit is never dropped.
	maxPending = 64 * 1024
	// slowWrite is a write worth a warning: the writer connection was
	// held that long (SQLite has one; other writes wait for it).
	slowWrite = 250 * time.Millisecond
)

func newRecorder(s *Service) *recorder {
	r := &recorder{s: s, kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	r.written = sync.NewCond(&r.mu)
	go r.loop()
	return r
}

// record queues ev for the audit.
func (r *recorder) record(ctx context.Context, ev *queryEvent) error {
	r.mu.Lock()
	for len(r.buf) >= maxPending && !r.closed && ctx.Err() == nil {
		r.written.Wait()
	}
	if r.closed {
		r.mu.Unlock()
		return fmt.Errorf("archive: the server is stopping")
	}
	if err := ctx.Err(); err != nil {
		r.mu.Unlock()
		return err
	}
	r.buf = append(r.buf, ev)
	n := len(r.buf)
	r.mu.Unlock()
	if n >= flushAt {
		select {
		case r.kick <- struct{}{}:
		default:
		}
	}
	return nil
}

func (r *recorder) loop() {
	defer close(r.done)
	tick := time.NewTicker(flushEvery)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
		case <-r.kick:
		case <-r.stop:
			return
		}
		if err := r.flush(context.Background()); err != nil {
			r.s.log.Error("archive: unable to audit queries; they stay in memory and are written at the next flush", "err", err)
		}
	}
}

// flush writes the waiting events in one transaction. On failure they
// stay in memory, in order, for the next flush.
func (r *recorder) flush(ctx context.Context) error {
	r.flushMu.Lock()
	defer r.flushMu.Unlock()
	r.mu.Lock()
	batch := r.buf
	r.buf = nil
	r.mu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	start := time.Now()
	err := r.write(ctx, batch)
	if took := time.Since(start); took > slowWrite {
		r.s.log.Warn("archive: slow audit write", "queries", len(batch), "took", took)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.buf = append(batch, r.buf...)
		return err
	}
	r.written.Broadcast()
	return nil
}

func (r *recorder) close() {
	r.mu.Lock()
	r.closed = true
	r.written.Broadcast()
	r.mu.Unlock()
	close(r.stop)
	<-r.done
	if err := r.flush(context.Background()); err != nil {
		r.s.log.Error("archive: unable to write the last audited queries; they are lost", "err", err)
	}
	if r.insert != nil {
		r.insert.Close()
	}
}

// write commits a batch: the audit rows and the daily counts.
func (r *recorder) write(ctx context.Context, batch []*queryEvent) error {
	if r.insert == nil {
		// Prepared outside the transaction: on SQLite the writer pool has
		// one connection, which the transaction holds.
		stmt, err := r.s.db.Writer().PreparexContext(ctx, r.s.db.Rebind(insertQuery(auditChunk)))
		if err != nil {
			return fmt.Errorf("archive: unable to audit queries: %w", err)
		}
		r.insert = stmt
	}
	return r.s.db.Tx(ctx, func(tx *store.Tx) error {
		if err := r.audit(ctx, tx, batch); err != nil {
			return err
		}
		return r.countDays(ctx, tx, batch)
	})
}

// auditChunk is how many audit rows one INSERT writes. A statement per
// row cost more in database/sql and in SQLite's statement machinery than
// the rows themselves; full chunks run a statement prepared once on the
// writer, the rest of a batch one statement built for it.
const auditChunk = 64

// insertQuery audits n queries in one statement.
func insertQuery(n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO archive_queries (at, kiosk_id, address, dataset_id, outcome, records) VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?)")
	}
	return b.String()
}

func (r *recorder) audit(ctx context.Context, tx *store.Tx, batch []*queryEvent) error {
	stmt := tx.Sqlx().StmtxContext(ctx, r.insert)
	args := make([]any, 0, 6*auditChunk)
	for len(batch) > 0 {
		chunk := batch[:min(auditChunk, len(batch))]
		batch = batch[len(chunk):]
		args = args[:0]
		for _, ev := range chunk {
			args = append(args, ev.at.UTC().Truncate(time.Microsecond), ev.kiosk, ev.address, ev.datasetID, ev.outcome, ev.records)
		}
		var err error
		if len(chunk) == auditChunk {
			_, err = stmt.ExecContext(ctx, args...)
		} else {
			_, err = tx.Sqlx().ExecContext(ctx, r.s.db.Rebind(insertQuery(len(chunk))), args...)
		}
		if err != nil {
			return fmt.Errorf("archive: unable to audit queries: %w", err)
		}
	}
	return nil
}
