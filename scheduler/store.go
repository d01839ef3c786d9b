package scheduler

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// loadSettings applies schedules and enabled flags saved by admins.
func (s *Scheduler) loadSettings(ctx context.Context) error {
	var rows []struct {
		Name    string `db:"name"`
		Spec    string `db:"spec"`
		Enabled bool   `db:"enabled"`
	}
	if err := s.db.Select(ctx, &rows, "SELECT name, spec, enabled FROM job_settings"); err != nil {
		return fmt.Errorf("scheduler: unable to read job settings: %w", err)
	}
	for _, r := range rows {
		e := s.entry(r.Name)
		if e == nil {
			continue // a job of another version
		}
		e.mu.Lock()
		changed := e.enabled != r.Enabled
		e.enabled = r.Enabled
		if e.instant == nil && r.Spec != e.spec {
			if sched, err := Parse(r.Spec); err == nil {
				e.spec, e.sched, changed = r.Spec, sched, true
			} else {
				s.opts.Logger.Error("scheduler: saved schedule no longer parses; keeping the old one", "job", r.Name, "err", err)
			}
		}
		e.mu.Unlock()
		if changed {
			e.poke()
		}
	}
	return nil
}

// claim records that this instance runs the activation of name at tick.
// Only the first instance to claim a tick runs it.
func (s *Scheduler) claim(ctx context.Context, name string, tick time.Time) (bool, error) {
	res, err := s.db.Exec(ctx, "INSERT INTO job_ticks (name, tick, instance) VALUES (?, ?, ?) ON CONFLICT (name, tick) DO NOTHING",
		name, tick, s.instance)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// lease takes the job's lease unless another instance holds an unexpired one.
func (s *Scheduler) lease(ctx context.Context, name string, d time.Duration) (bool, error) {
	now := s.opts.Clock.Now()
	res, err := s.db.Exec(ctx, `INSERT INTO job_leases (name, holder, expires_at) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
		WHERE job_leases.expires_at < ? OR job_leases.holder = excluded.holder`, name, s.instance, now.Add(d), now)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func (s *Scheduler) release(name string) {
	if _, err := s.db.Exec(context.Background(), "DELETE FROM job_leases WHERE name = ? AND holder = ?", name, s.instance); err != nil {
		s.opts.Logger.Error("scheduler: releasing a lease", "job", name, "err", err)
	}
}

func (s *Scheduler) startRun(ctx context.Context, name string, tick time.Time, cause string) (int64, error) {
	var id int64
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		return tx.Get(ctx, &id, `INSERT INTO job_runs (name, cause, instance, tick, started_at, status)
			VALUES (?, ?, ?, ?, ?, 'running') RETURNING id`, name, cause, s.instance, tick, s.opts.Clock.Now())
	})
	return id, err
}

func (s *Scheduler) finishRun(id int64, result string, runErr error) {
	status, msg := "ok", ""
	var w *Warning
	switch {
	case errors.As(runErr, &w):
		status, result = "warning", w.Msg
	case runErr != nil:
		status, msg = "error", truncate(runErr.Error(), 2000)
	}
	if _, err := s.db.Exec(context.Background(), "UPDATE job_runs SET finished_at = ?, status = ?, result = ?, error = ? WHERE id = ?",
		s.opts.Clock.Now(), status, truncate(result, 500), msg, id); err != nil {
		s.opts.Logger.Error("scheduler: recording the end of a run", "run", id, "err", err)
	}
}

func (s *Scheduler) recordSkipped(ctx context.Context, name string, tick time.Time, cause, why string) {
	now := s.opts.Clock.Now()
	if _, err := s.db.Exec(ctx, `INSERT INTO job_runs (name, cause, instance, tick, started_at, finished_at, status, result)
		VALUES (?, ?, ?, ?, ?, ?, 'skipped', ?)`, name, cause, s.instance, tick, now, now, why); err != nil {
		s.opts.Logger.Error("scheduler: recording a skipped run", "job", name, "err", err)
	}
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s[:n])
	return string(r[:len(r)-1]) + "…"
}
