package archive

import (
	"context"
	"fmt"
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
	// guarded queries count towards the kiosk's run of misses (kiosk
	// queries do, admin test lookups do not).
	guarded bool
	done    chan error
}

// recorder writes query events with group commit: a query waits until its
// audit row is committed, but the rows of queries that arrive together
// share one transaction, so thousands of queries a second cost a few
// transactions.
type recorder struct {
	s      *Service
	insert *sqlx.Stmt // prepared insertQuery, owned by the loop
	in     chan *queryEvent
	stop   chan struct{}
	done   chan struct{}
}

// maxGroup bounds the events written in one transaction.
const maxGroup = 256

// linger is how long the recorder waits for more events after the first
// of a group, when the last group had company (under load): fewer, larger
// commits cost less, and every commit empties the page cache of SQLite
// readers. A lone query is written at once.
const linger = 2 * time.Millisecond

func newRecorder(s *Service) *recorder {
	r := &recorder{s: s, in: make(chan *queryEvent, 4*maxGroup), stop: make(chan struct{}), done: make(chan struct{})}
	go r.loop()
	return r
}

// record audits ev and applies it to the kiosk's state; it returns once
// that is committed.
func (r *recorder) record(ctx context.Context, ev *queryEvent) error {
	ev.done = make(chan error, 1)
	select {
	case r.in <- ev:
	case <-r.stop:
		return fmt.Errorf("archive: the server is stopping")
	case <-ctx.Done():
		return ctx.Err()
	}
	return <-ev.done
}

func (r *recorder) loop() {
	defer close(r.done)
	busy := false
	for {
		var group []*queryEvent
		select {
		case ev := <-r.in:
			group = append(group, ev)
		case <-r.stop:
			return
		}
		r.gather(&group, busy)
		busy = len(group) > 1
		err := r.write(group)
		if err != nil {
			r.s.log.Error("archive: unable to audit queries", "err", err, "queries", len(group))
		}
		for _, ev := range group {
			ev.done <- err
		}
	}
}

// gather adds the events that are waiting, and those arriving within
// linger when busy, up to maxGroup.
func (r *recorder) gather(group *[]*queryEvent, busy bool) {
	var timeout <-chan time.Time
	if busy {
		timer := time.NewTimer(linger)
		defer timer.Stop()
		timeout = timer.C
	}
	for len(*group) < maxGroup {
		select {
		case ev := <-r.in:
			*group = append(*group, ev)
			continue
		default:
		}
		if !busy {
			return
		}
		select {
		case ev := <-r.in:
			*group = append(*group, ev)
		case <-timeout:
			return
		case <-r.stop:
			return
		}
	}
}

func (r *recorder) close() {
	close(r.stop)
	<-r.done
	if r.insert != nil {
		r.insert.Close()
	}
	for {
		select {
		case ev := <-r.in:
			ev.done <- fmt.Errorf("archive: the server is stopping")
		default:
			return
		}
	}
}

// write commits a group: the audit rows, the daily counts and the kiosks'
// runs of misses.
func (r *recorder) write(group []*queryEvent) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p := r.s.protection(ctx)
	if r.insert == nil {
		// Prepared outside the transaction: on SQLite the writer pool has
		// one connection, which the transaction holds.
		stmt, err := r.s.db.Writer().PreparexContext(ctx, r.s.db.Rebind(insertQuery))
		if err != nil {
			return fmt.Errorf("archive: unable to audit queries: %w", err)
		}
		r.insert = stmt
	}
	return r.s.db.Tx(ctx, func(tx *store.Tx) error {
		if err := r.audit(ctx, tx, group); err != nil {
			return err
		}
		if err := r.countDays(ctx, tx, group); err != nil {
			return err
		}
		return r.applyKiosks(ctx, tx, p, group)
	})
}

// insertQuery audits one query; it is prepared once on the writer and run
// for each event of a group (cheaper than parsing a statement per group).
const insertQuery = "INSERT INTO archive_queries (at, kiosk_id, address, dataset_id, outcome, records) VALUES (?, ?, ?, ?, ?, ?)"

func (r *recorder) audit(ctx context.Context, tx *store.Tx, group []*queryEvent) error {
	stmt := tx.Sqlx().StmtxContext(ctx, r.insert)
	for _, ev := range group {
		if _, err := stmt.ExecContext(ctx, ev.at.UTC().Truncate(time.Microsecond), ev.kiosk, ev.address, ev.datasetID, ev.outcome, ev.records); err != nil {
			return fmt.Errorf("archive: unable to audit queries: %w", err)
		}
	}
	return nil
}
