package archive

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/workbook"
)

// Why an import stopped before its end.
var (
	// errCancelled: an admin cancelled it.
	errCancelled = errors.New("archive: the import was cancelled")
	// errStopped: the service closed (the server stops).
	errStopped = errors.New("archive: interrupted: the server stopped")
	// errTakenOver: another process ended it, taking it for dead.
	errTakenOver = errors.New("archive: the import was ended meanwhile by another process")
	// errPanic: reading the file hit a bug; the server goes on.
	errPanic = errors.New("archive: internal error while reading the file")
)

// Run reads the file and, when every step succeeds, makes its records
// live in one transaction. On any failure, when cancelled, or on a panic,
// the dataset keeps the records it had, the import's own rows are removed
// and an uploaded file is deleted. While it runs it holds the import's
// lease and stops within about leaseEvery of a cancel request. It returns
// the import as recorded.
func (j *Job) Run(parent context.Context) (*Import, error) {
	if j.req.RemoveFile {
		defer os.Remove(j.req.Path)
	}
	j.start = time.Now()
	t := &tally{}
	ctx, stop := context.WithCancelCause(parent)
	context.AfterFunc(ctx, func() { close(j.stopping) })
	j.s.running.Store(j.ID, stop)
	defer j.s.running.Delete(j.ID)
	held := make(chan struct{})
	go func() {
		defer close(held)
		j.hold(ctx, stop)
	}()
	err := j.safeRun(ctx, t)
	if err != nil && ctx.Err() != nil {
		err = context.Cause(ctx)
	}
	stop(nil)
	<-held
	if err != nil {
		j.abort(err, t)
	}
	if j.req.OnProgress != nil {
		p := t.progress(j.ID, time.Since(j.start))
		p.Done = true
		j.req.OnProgress(p)
	}
	im, gerr := j.s.GetImport(context.WithoutCancel(parent), j.ID)
	if err == nil {
		err = gerr
	}
	return im, err
}

// safeRun runs the import; a panic (a reader's bug on a crafted file)
// becomes an error: a file must not take the server down.
func (j *Job) safeRun(ctx context.Context, t *tally) (err error) {
	defer func() {
		if r := recover(); r != nil {
			j.s.log.Error("archive: import panicked", "import", j.ID, "panic", r, "stack", string(debug.Stack()))
			err = errPanic
		}
	}()
	return j.run(ctx, t)
}

func (j *Job) run(ctx context.Context, t *tally) error {
	s := j.s
	if err := s.purgeLeftovers(ctx, j.ds.ID); err != nil {
		return err
	}
	src, err := s.openSource(ctx, j.req.Path, mustFormat(j.req.FileName), j.req.Encoding)
	if err != nil {
		return err
	}
	defer src.close()
	header, headerRow, err := src.header()
	if err != nil {
		return err
	}
	hb, _ := json.Marshal(cleanHeader(header))
	if _, err := s.db.Exec(ctx, "UPDATE archive_imports SET header = ?, encoding = ? WHERE id = ?", string(hb), string(src.encoding()), j.ID); err != nil {
		return fmt.Errorf("archive: import %d: %w", j.ID, err)
	}
	pl, err := newPlan(j.ds, s.key, s.policy, header, headerRow, src.strictWidth())
	if err != nil {
		return err
	}
	bw, err := newBatchWriter(ctx, s.db, j.ID, j.ds.ID, j.epoch)
	if err != nil {
		return err
	}
	defer bw.close()
	if err := j.pump(ctx, src, pl, bw, t); err != nil {
		return err
	}
	if err := j.commit(ctx, t); err != nil {
		return err
	}
	return s.analyze(ctx, t.added)
}

// analyze refreshes PostgreSQL's statistics after a large import: without
// them the planner may read a whole index for one lookup.
func (s *Service) analyze(ctx context.Context, added int64) error {
	if s.db.Dialect() != store.Postgres || added < 10000 {
		return nil
	}
	if _, err := s.db.Exec(ctx, "ANALYZE archive_records"); err != nil {
		s.log.Warn("archive: unable to analyze the records after an import", "err", err)
	}
	return nil
}

func mustFormat(name string) Format {
	f, _ := FormatOf(name)
	return f
}

// abort records a failed or cancelled import and removes its rows.
func (j *Job) abort(cause error, t *tally) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	state, msg := StateFailed, errorText(cause)
	if errors.Is(cause, errCancelled) || errors.Is(cause, context.Canceled) {
		state = StateCancelled
	}
	var le *workbook.LimitError
	if errors.As(cause, &le) { // the limit alone, as the upload's 422 gives it
		msg = strings.TrimPrefix(le.Error(), "workbook: ")
	}
	report := t.report.encode()
	p := t.progress(j.ID, time.Since(j.start))
	_, err := j.s.db.Exec(ctx, `UPDATE archive_imports SET state = ?, error = ?, finished_at = ?, report = ?, rows_read = ?, rows_total = ?,
		rows_added = 0, rows_duplicate = ?, rows_bad = ?, rate = ?, eta_seconds = 0 WHERE id = ? AND state = 'running'`,
		state, msg, j.s.now(), report, p.RowsRead, p.RowsTotal, p.RowsDuplicate, p.RowsBad, int64(p.Rate), j.ID)
	if err != nil {
		j.s.log.Error("archive: unable to record a failed import", "import", j.ID, "err", err)
	}
	j.s.log.Warn("archive: import ended without changes", "import", j.ID, "dataset", j.ds.ID, "state", state, "reason", msg)
	if err := j.s.purgeImport(ctx, j.ID); err != nil {
		j.s.log.Error("archive: unable to remove the rows of a failed import", "import", j.ID, "err", err)
	}
}

// errorText is the message of an import error for the admin: without the
// package prefix.
func errorText(err error) string {
	msg := err.Error()
	const prefix = "archive: "
	for len(msg) > len(prefix) && msg[:len(prefix)] == prefix {
		msg = msg[len(prefix):]
	}
	return msg
}
