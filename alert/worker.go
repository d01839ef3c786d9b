package alert

import (
	"context"
	"sync"
	"time"

	"github.com/hallcast/hallcast/store"
)

// poll is how often the worker looks at the outbox when nothing woke it
// (a message queued by an instance whose event was lost).
const poll = time.Minute

// Start creates the default rules, then starts the worker that sends
// queued messages and the follower that evaluates conditions again after
// the change events they follow.
func (s *Service) Start(ctx context.Context) error {
	if err := s.seed(ctx); err != nil {
		return err
	}
	topics := []string{Topic, store.TopicResync}
	for _, c := range s.Conditions() {
		topics = append(topics, c.Topics...)
	}
	sub := s.db.Bus().Subscribe(topics...)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); s.work() }()
	go func() { defer wg.Done(); defer sub.Close(); s.follow(sub) }()
	go func() { wg.Wait(); close(s.done) }()
	return nil
}

// Close stops the worker and the follower, waiting for sends in flight or
// for ctx.
func (s *Service) Close(ctx context.Context) {
	select {
	case <-s.stop:
		return
	default:
	}
	close(s.stop)
	select {
	case <-s.done:
	case <-ctx.Done():
		s.log.Warn("alert: messages still being sent at shutdown; they are sent again after their lease")
	}
}

// wake makes the worker look at the outbox now.
func (s *Service) wake() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

func (s *Service) work() {
	for {
		s.drain()
		wait := poll
		if next, ok, err := s.nextDue(context.Background()); err != nil {
			s.log.Error("alert: reading the outbox", "err", err)
		} else if ok {
			wait = min(wait, max(next.Sub(s.opts.Clock.Now()), 0))
		}
		select {
		case <-s.stop:
			return
		case <-s.kick:
		case <-s.opts.Clock.After(wait):
		}
	}
}

// drain sends every due message, ten at a time, each batch in parallel.
func (s *Service) drain() {
	ctx := context.Background()
	for {
		select {
		case <-s.stop:
			return
		default:
		}
		batch, err := s.claim(ctx, s.now(), 10)
		if err != nil {
			s.log.Error("alert: claiming messages", "err", err)
			return
		}
		if len(batch) == 0 {
			return
		}
		var wg sync.WaitGroup
		for _, q := range batch {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s.deliver(ctx, q)
			}()
		}
		wg.Wait()
	}
}

// deliver makes one attempt at a message and records it.
func (s *Service) deliver(ctx context.Context, q queued) {
	start := time.Now() // the attempt's duration, for the log
	ok, answer := s.attempt(ctx, q)
	took := time.Since(start)
	if ok {
		s.log.Info("alert: message sent", "message", q.ID, "channel", q.ChannelID, "event", q.Event)
	} else {
		s.log.Warn("alert: message not sent", "message", q.ID, "channel", q.ChannelID, "attempt", q.Attempts+1, "answer", clipAnswer(answer))
	}
	if err := s.finish(ctx, q, ok, answer, took); err != nil {
		s.log.Error("alert: recording a delivery", "message", q.ID, "err", err)
	}
}

func (s *Service) attempt(ctx context.Context, q queued) (bool, string) {
	r, err := s.channelRow(ctx, s.db, q.ChannelID)
	if err != nil {
		return false, err.Error()
	}
	if !r.Enabled && q.Event != EventTest {
		return false, "channel disabled"
	}
	sec, err := s.secrets(r)
	if err != nil {
		return false, err.Error()
	}
	ch := r.channel()
	sctx, cancel := context.WithTimeout(ctx, sendTimeout)
	defer cancel()
	answer, err := s.send(sctx, ch, sec, q)
	if err != nil {
		if answer == "" {
			answer = err.Error()
		} else {
			answer += ": " + err.Error()
		}
		return false, answer
	}
	return true, answer
}

// follow evaluates the conditions that follow a topic after its events,
// and wakes the worker when another instance queued messages.
func (s *Service) follow(sub *store.Subscription) {
	for {
		select {
		case <-s.stop:
			return
		case ev, ok := <-sub.C:
			if !ok {
				return
			}
			switch ev.Topic {
			case Topic, store.TopicResync:
				s.wake()
			default:
				if _, err := s.Evaluate(context.Background(), ev.Topic); err != nil {
					s.log.Error("alert: evaluating after a change", "topic", ev.Topic, "err", err)
				}
			}
		}
	}
}
