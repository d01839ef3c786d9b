package archive

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/hallcast/hallcast/store"
)

// errCancelled ends an import that an admin cancelled.
var errCancelled = errors.New("archive: the import was cancelled")

// Run reads the file and, when every step succeeds, makes its records
// live in one transaction. On any failure, or when cancelled, the dataset
// keeps the records it had and the import's own rows are removed. It
// returns the import as recorded.
func (j *Job) Run(ctx context.Context) (*Import, error) {
	if j.req.RemoveFile {
		defer os.Remove(j.req.Path)
	}
	j.start = time.Now()
	t := &tally{}
	err := j.run(ctx, t)
	if err != nil {
		j.abort(err, t)
	}
	if j.req.OnProgress != nil {
		p := t.progress(j.ID, time.Since(j.start))
		p.Done = true
		j.req.OnProgress(p)
	}
	im, gerr := j.s.GetImport(context.WithoutCancel(ctx), j.ID)
	if err == nil {
		err = gerr
	}
	return im, err
}

func (j *Job) run(ctx context.Context, t *tally) error {
	s := j.s
	if err := s.purgeLeftovers(ctx, j.ds.ID); err != nil {
		return err
	}
	src, err := openSource(j.req.Path, mustFormat(j.req.FileName), j.req.Encoding)
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
