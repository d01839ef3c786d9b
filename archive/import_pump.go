package archive

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"time"
)

// batch is a slice of rows on their way from the reader to the writer.
type batch struct {
	recs        []record
	problems    []Problem
	read, total int64
}

// heartbeatEvery is how often a running import records its progress.
const heartbeatEvery = 500 * time.Millisecond

// pump reads and converts rows in one goroutine while this one writes
// them, so reading, hashing and writing overlap. At most a few batches are
// in flight: memory does not grow with the file.
func (j *Job) pump(ctx context.Context, src source, pl *plan, bw batchWriter, t *tally) error {
	ctx, cancel := context.WithCancel(ctx)
	batches := make(chan batch, 3)
	readErr := make(chan error, 1)
	go func() {
		defer close(batches)
		defer func() {
			if r := recover(); r != nil {
				j.s.log.Error("archive: import panicked", "import", j.ID, "panic", r, "stack", string(debug.Stack()))
				readErr <- errPanic
			}
		}()
		readErr <- produce(ctx, src, pl, bw.batchSize(), batches)
	}()
	defer func() { // the reader stops at its next row; the caller closes the file after it
		cancel()
		for range batches {
		}
	}()
	if j.req.OnProgress != nil {
		j.req.OnProgress(t.progress(j.ID, 0))
	}
	last := time.Now()
	for b := range batches {
		t.read, t.total = b.read, b.total
		for _, p := range b.problems {
			t.bad++
			t.report.add(p)
		}
		if t.bad > int64(j.req.MaxBadRows) {
			return fmt.Errorf("archive: more than %d rows cannot be imported; check the column mapping and the encoding", j.req.MaxBadRows)
		}
		if len(b.recs) > 0 {
			if err := j.write(ctx, bw, b.recs, t); err != nil {
				return err
			}
		}
		if time.Since(last) >= heartbeatEvery {
			last = time.Now()
			if err := j.heartbeat(ctx, t); err != nil {
				return err
			}
		}
	}
	if err := <-readErr; err != nil {
		return err
	}
	return ctx.Err()
}

// produce reads rows until the end of the file, sending full batches.
func produce(ctx context.Context, src source, pl *plan, size int, out chan<- batch) error {
	var sc scratch
	b := batch{recs: make([]record, 0, size)}
	send := func() error {
		b.read, b.total = src.progress()
		b.read -= int64(pl.headerRow) // count data rows only
		b.total = max(b.total-int64(pl.headerRow), 0)
		select {
		case out <- b:
		case <-ctx.Done():
			return ctx.Err()
		}
		b = batch{recs: make([]record, 0, size)}
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		row, cells, err := src.next()
		var re *rowError
		switch {
		case errors.Is(err, io.EOF):
			return send()
		case errors.As(err, &re):
			b.problems = append(b.problems, Problem{Row: re.row, Reason: re.reason, Detail: re.detail})
		case err != nil:
			return err
		case blank(cells):
			continue
		default:
			rec, p := pl.build(row, cells, &sc)
			if p != nil {
				b.problems = append(b.problems, *p)
			} else {
				b.recs = append(b.recs, rec)
			}
		}
		if len(b.recs) >= size || len(b.problems) >= size {
			if err := send(); err != nil {
				return err
			}
		}
	}
}

// write stores one batch and reports its duplicates.
func (j *Job) write(ctx context.Context, bw batchWriter, recs []record, t *tally) error {
	inserted, err := bw.insert(ctx, recs)
	if err != nil {
		return err
	}
	var dups []record
	for i, ok := range inserted {
		if ok {
			t.added++
		} else {
			t.dup++
			dups = append(dups, recs[i])
		}
	}
	if len(dups) > 0 && !t.report.full() {
		return j.explainDuplicates(ctx, dups, recs, t)
	}
	for range dups {
		t.report.add(Problem{Reason: ReasonDuplicate})
	}
	return nil
}

// heartbeat records the progress (for admins watching from any instance)
// and tells the caller. A cancel request is noticed by the lease (hold).
func (j *Job) heartbeat(ctx context.Context, t *tally) error {
	p := t.progress(j.ID, time.Since(j.start))
	if _, err := j.s.db.Exec(ctx, `UPDATE archive_imports SET rows_read = ?, rows_total = ?, rows_added = ?, rows_duplicate = ?, rows_bad = ?,
		rate = ?, eta_seconds = ?, progress_at = ? WHERE id = ?`, p.RowsRead, p.RowsTotal, p.RowsAdded, p.RowsDuplicate, p.RowsBad,
		int64(p.Rate), int64(p.ETA.Seconds()), j.s.now(), j.ID); err != nil {
		return fmt.Errorf("archive: import %d: %w", j.ID, err)
	}
	if j.req.OnProgress != nil {
		j.req.OnProgress(p)
	}
	return nil
}
