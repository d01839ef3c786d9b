package scheduler

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"
)

const defaultTimeout = 10 * time.Minute

func (e *entry) timeout() time.Duration {
	t := e.job.Timeout
	if e.instant != nil {
		t = e.instant.Timeout
	}
	if t <= 0 {
		t = defaultTimeout
	}
	return t
}

func (e *entry) run() RunFunc {
	if e.instant != nil {
		return e.instant.Run
	}
	return e.job.Run
}

// fire runs one activation of a job unless it is still running here, its
// tick was claimed by another instance, or another instance holds its lease.
func (s *Scheduler) fire(ctx context.Context, e *entry, tick time.Time, cause string) {
	name := e.name()
	if !e.running.CompareAndSwap(false, true) {
		s.opts.Logger.Debug("scheduler: still running, activation skipped", "job", name, "tick", tick)
		if cause == "manual" {
			s.recordSkipped(ctx, name, tick, cause, "still running")
		}
		return
	}
	defer e.running.Store(false)
	if cause == "schedule" {
		claimed, err := s.claim(ctx, name, tick)
		if err != nil {
			s.opts.Logger.Error("scheduler: claiming a tick", "job", name, "err", err)
			return
		}
		if !claimed {
			return // another instance runs this activation
		}
	}
	held, err := s.lease(ctx, name, e.timeout()+time.Minute)
	if err != nil {
		s.opts.Logger.Error("scheduler: taking the lease", "job", name, "err", err)
		return
	}
	if !held {
		if cause == "manual" {
			s.recordSkipped(ctx, name, tick, cause, "running on another instance")
		}
		return
	}
	defer s.release(name)
	id, err := s.startRun(ctx, name, tick, cause)
	if err != nil {
		s.opts.Logger.Error("scheduler: recording a run", "job", name, "err", err)
		return
	}
	rctx, cancel := context.WithTimeout(ctx, e.timeout())
	defer cancel()
	start := s.opts.Clock.Now()
	result, err := safeRun(rctx, e.run(), tick)
	var w *Warning
	if errors.As(err, &w) {
		s.opts.Logger.Warn("scheduler: job needs attention", "job", name, "result", w.Msg)
	} else if err != nil {
		s.opts.Logger.Error("scheduler: job failed", "job", name, "err", err)
	} else {
		s.opts.Logger.Debug("scheduler: job done", "job", name, "result", result, "took", time.Since(start))
	}
	s.finishRun(id, result, err)
}

func safeRun(ctx context.Context, f RunFunc, tick time.Time) (result string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return f(ctx, tick)
}

// RunNow starts a job at once in the background, as the "run now" button
// does. It respects the job's lease.
func (s *Scheduler) RunNow(name string) bool {
	e := s.entry(name)
	if e == nil {
		return false
	}
	s.runs.Add(1)
	go func() {
		defer s.runs.Done()
		s.fire(context.Background(), e, s.opts.Clock.Now(), "manual")
	}()
	return true
}

// Warning is the outcome of a run that did its work and found something
// that needs attention ("14 categories overdue"): the run is recorded with
// status "warning" and Msg as its result, not as a failure.
type Warning struct{ Msg string }

func (w *Warning) Error() string { return w.Msg }

// Warn returns a *Warning for a RunFunc to return.
func Warn(format string, args ...any) error { return &Warning{Msg: fmt.Sprintf(format, args...)} }
