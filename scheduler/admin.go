package scheduler

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Run is one recorded run.
type Run struct {
	ID         int64      `db:"id" json:"id"`
	Name       string     `db:"name" json:"name"`
	Cause      string     `db:"cause" json:"cause"`
	Instance   string     `db:"instance" json:"instance"`
	Tick       time.Time  `db:"tick" json:"tick"`
	StartedAt  time.Time  `db:"started_at" json:"started_at"`
	FinishedAt *time.Time `db:"finished_at" json:"finished_at,omitempty"`
	Status     string     `db:"status" json:"status"`
	Result     string     `db:"result" json:"result"`
	Error      string     `db:"error" json:"error,omitempty"`
	DurationMS *int64     `db:"-" json:"duration_ms,omitempty"`
}

// Info describes a job for the admin UI.
type Info struct {
	Name          string      `json:"name"`
	Title         string      `json:"title"`
	TitleEN       string      `json:"title_en"`
	Kind          string      `json:"kind"` // "cron" or "instant"
	Spec          string      `json:"spec,omitempty"`
	DefaultSpec   string      `json:"default_spec,omitempty"`
	DescriptionZH string      `json:"description_zh"`
	DescriptionEN string      `json:"description_en"`
	Enabled       bool        `json:"enabled"`
	Running       bool        `json:"running"`
	Next          []time.Time `json:"next"`
	LastRun       *Run        `json:"last_run,omitempty"`
}

// Jobs lists every job with its schedule, next runs and last run.
func (s *Scheduler) Jobs(ctx context.Context) ([]Info, error) {
	now := s.opts.Clock.Now()
	out := make([]Info, 0, len(s.order))
	for _, e := range s.all() {
		e.mu.Lock()
		info := Info{Name: e.name(), Enabled: e.enabled, Running: e.running.Load(), Next: []time.Time{}}
		if e.instant != nil {
			info.Kind, info.Title, info.TitleEN = "instant", e.instant.Title, e.instant.TitleEN
			info.DescriptionZH, info.DescriptionEN = "在到期的时刻运行（精确到秒）", "At the instant something falls due (to the second)"
		} else {
			info.Kind, info.Title, info.TitleEN = "cron", e.job.Title, e.job.TitleEN
			info.Spec, info.DefaultSpec = e.spec, e.job.Spec
			info.DescriptionZH, info.DescriptionEN = Describe(e.spec)
			if e.enabled {
				info.Next = NextRuns(e.sched, now, s.opts.Location, 5)
			}
		}
		inst := e.instant
		e.mu.Unlock()
		if inst != nil && info.Enabled {
			if next, ok, err := inst.Next(ctx, now); err == nil && ok {
				info.Next = []time.Time{next.In(s.opts.Location)}
			}
		}
		runs, err := s.Runs(ctx, info.Name, 1)
		if err != nil {
			return nil, err
		}
		if len(runs) > 0 {
			info.LastRun = &runs[0]
		}
		out = append(out, info)
	}
	return out, nil
}

// Runs returns the latest runs of a job, newest first.
func (s *Scheduler) Runs(ctx context.Context, name string, limit int) ([]Run, error) {
	runs := []Run{}
	if err := s.db.Select(ctx, &runs, `SELECT id, name, cause, instance, tick, started_at, finished_at, status, result, error
		FROM job_runs WHERE name = ? ORDER BY id DESC LIMIT `+fmt.Sprint(limit), name); err != nil {
		return nil, fmt.Errorf("scheduler: unable to list runs of %s: %w", name, err)
	}
	for i := range runs {
		if f := runs[i].FinishedAt; f != nil {
			ms := f.Sub(runs[i].StartedAt).Milliseconds()
			runs[i].DurationMS = &ms
		}
	}
	return runs, nil
}

// SetSchedule changes a cron job's schedule and enabled flag (instant jobs
// can only be enabled or disabled), on every instance.
func (s *Scheduler) SetSchedule(ctx context.Context, who audit.Actor, name, spec string, enabled bool) error {
	e := s.entry(name)
	if e == nil {
		return web.NotFound("job")
	}
	e.mu.Lock()
	before := map[string]any{"spec": e.spec, "enabled": e.enabled}
	e.mu.Unlock()
	if e.instant != nil {
		spec = ""
	} else if _, err := Parse(spec); err != nil {
		return web.Invalid("spec", web.CodeInvalid, "%v", err)
	}
	now := s.opts.Clock.Now()
	var by any
	if who.ID != 0 {
		by = who.ID
	}
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO job_settings (name, spec, enabled, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, enabled = excluded.enabled, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			name, spec, enabled, now, by); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "job.schedule", ObjectType: "job:" + name,
			Before: before, After: map[string]any{"spec": spec, "enabled": enabled}})
	})
	if err != nil {
		return fmt.Errorf("scheduler: unable to save the schedule of %s: %w", name, err)
	}
	return s.loadSettings(ctx)
}

// Prune deletes claimed ticks older than a day and runs older than keep.
func (s *Scheduler) Prune(ctx context.Context, keep time.Duration) (int64, error) {
	now := s.opts.Clock.Now()
	if _, err := s.db.Exec(ctx, "DELETE FROM job_ticks WHERE tick < ?", now.Add(-24*time.Hour)); err != nil {
		return 0, fmt.Errorf("scheduler: unable to prune ticks: %w", err)
	}
	res, err := s.db.Exec(ctx, "DELETE FROM job_runs WHERE started_at < ?", now.Add(-keep))
	if err != nil {
		return 0, fmt.Errorf("scheduler: unable to prune runs: %w", err)
	}
	return res.RowsAffected()
}
