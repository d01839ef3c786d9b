package scheduler

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
)

// Start loads the saved schedules and starts every job's loop. Instant jobs
// run once at once to catch up.
func (s *Scheduler) Start(ctx context.Context) error {
	if err := s.loadSettings(ctx); err != nil {
		return err
	}
	ctx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	topics := map[string][]*entry{Topic: nil}
	s.mu.Lock()
	for _, name := range s.order {
		e := s.entries[name]
		if e.instant != nil {
			for _, t := range e.instant.Topics {
				topics[t] = append(topics[t], e)
			}
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			if e.instant != nil {
				s.instantLoop(ctx, e)
			} else {
				s.cronLoop(ctx, e)
			}
		}()
	}
	s.mu.Unlock()
	names := make([]string, 0, len(topics))
	for t := range topics {
		names = append(names, t)
	}
	sub := s.db.Bus().Subscribe(names...)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer sub.Close()
		s.follow(ctx, sub, topics)
	}()
	return nil
}

// follow re-reads schedules changed on any instance and wakes instant jobs
// whose inputs changed.
func (s *Scheduler) follow(ctx context.Context, sub *store.Subscription, topics map[string][]*entry) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-sub.C:
			if !ok {
				return
			}
			if ev.Topic == Topic || ev.Topic == store.TopicResync {
				if err := s.loadSettings(ctx); err != nil {
					s.opts.Logger.Error("scheduler: reloading schedules", "err", err)
				}
			}
			if ev.Topic == store.TopicResync {
				for _, e := range s.all() {
					e.poke()
				}
				continue
			}
			for _, e := range topics[ev.Topic] {
				e.poke()
			}
		}
	}
}

// Stop ends the loops and waits for running jobs, or for ctx.
func (s *Scheduler) Stop(ctx context.Context) {
	if s.cancel == nil {
		return
	}
	s.cancel()
	done := make(chan struct{})
	go func() { s.wg.Wait(); s.runs.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		s.opts.Logger.Warn("scheduler: jobs still running at shutdown")
	}
}

func (s *Scheduler) cronLoop(ctx context.Context, e *entry) {
	for {
		e.mu.Lock()
		sched, enabled := e.sched, e.enabled
		e.mu.Unlock()
		var due <-chan time.Time
		var tick time.Time
		if enabled {
			now := s.opts.Clock.Now()
			tick = sched.Next(now.In(s.opts.Location))
			due = clock.Until(s.opts.Clock, tick)
		}
		select {
		case <-ctx.Done():
			return
		case <-e.wake:
		case <-due:
			s.fire(ctx, e, tick, "schedule")
		}
	}
}

func (s *Scheduler) instantLoop(ctx context.Context, e *entry) {
	last := s.opts.Clock.Now()
	s.fire(ctx, e, last, "startup")
	for {
		now := s.opts.Clock.Now()
		next, ok, err := e.instant.Next(ctx, now)
		if err != nil {
			s.opts.Logger.Error("scheduler: next instant", "job", e.name(), "err", err)
			ok, next = true, now.Add(time.Minute) // try again soon
		}
		if ok && !next.After(last) {
			// Still due after a run at or after that instant: the run
			// failed. Try again in a while rather than in a tight loop.
			next = now.Add(10 * time.Second)
		}
		var due <-chan time.Time
		if ok {
			// An instant, not a wait measured from before Next's query,
			// which takes a while (and a test's clock may move meanwhile).
			due = clock.Until(s.opts.Clock, next)
		}
		select {
		case <-ctx.Done():
			return
		case <-e.wake:
		case <-due:
			e.mu.Lock()
			enabled := e.enabled
			e.mu.Unlock()
			if enabled {
				last = s.opts.Clock.Now()
				s.fire(ctx, e, next, "instant")
			}
		}
	}
}

func (s *Scheduler) all() []*entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*entry, 0, len(s.order))
	for _, n := range s.order {
		out = append(out, s.entries[n])
	}
	return out
}
