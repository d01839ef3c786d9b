package feed

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/hallcast/hallcast/scheduler"
)

// pollWorkers bounds concurrent fetches, so one slow feed cannot hold up
// the others and many feeds cannot swamp the server.
const pollWorkers = 4

// Due returns the enabled sources whose own schedule has an activation
// since they were last checked (or created).
func (s *Service) Due(ctx context.Context, now time.Time) ([]Source, error) {
	all, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	var due []Source
	for _, src := range all {
		if !src.Enabled {
			continue
		}
		sched, err := scheduler.Parse(src.Spec)
		if err != nil {
			continue
		}
		since := src.CreatedAt
		if src.LastCheckedAt != nil {
			since = *src.LastCheckedAt
		}
		if next := sched.Next(since.In(s.opts.Location)); !next.After(now) {
			due = append(due, src)
		}
	}
	return due, nil
}

// Poll checks every due source, a few at a time. It is the body of the
// "feed.poll" job, which runs every minute; errors stay on their sources.
func (s *Service) Poll(ctx context.Context, now time.Time) (string, error) {
	due, err := s.Due(ctx, now)
	if err != nil {
		return "", err
	}
	var mu sync.Mutex
	created, failed := 0, 0
	work := make(chan Source)
	var wg sync.WaitGroup
	for range min(pollWorkers, len(due)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range work {
				out, err := s.Check(ctx, &src)
				mu.Lock()
				if err != nil {
					failed++
				} else {
					created += out.Created
				}
				mu.Unlock()
			}
		}()
	}
	for _, src := range due {
		work <- src
	}
	close(work)
	wg.Wait()
	return fmt.Sprintf("%d sources checked, %d new drafts, %d failed", len(due), created, failed), nil
}
