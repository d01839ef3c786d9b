package emergency

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/hallcast/hallcast/store"
)

// acks writes receipts in batches: thousands of screens answer within the
// same second, and one transaction per flush keeps the database calm.
type acks struct {
	s     *Service
	in    chan ackRow
	flush chan chan struct{}
	quit  chan struct{}
	once  sync.Once
	done  chan struct{}
}

type ackRow struct {
	emergency, device int64
	at                time.Time
}

func newAcks(s *Service) *acks {
	return &acks{s: s, in: make(chan ackRow, 4096), flush: make(chan chan struct{}), quit: make(chan struct{}), done: make(chan struct{})}
}

// add queues an ack; it blocks only when thousands are already waiting.
func (a *acks) add(emergency, device int64, at time.Time) {
	select {
	case a.in <- ackRow{emergency, device, at}:
	case <-a.quit:
	}
}

func (a *acks) run() {
	defer close(a.done)
	t := time.NewTicker(a.s.opts.AckFlush)
	defer t.Stop()
	var rows []ackRow
	write := func() {
		if len(rows) == 0 {
			return
		}
		if err := a.write(context.Background(), rows); err != nil {
			a.s.opts.Logger.Error("emergency: writing receipts", "n", len(rows), "err", err)
		}
		rows = rows[:0]
	}
	for {
		select {
		case r := <-a.in:
			rows = append(rows, r)
			if len(rows) >= 2000 {
				write()
			}
		case <-t.C:
			write()
		case ch := <-a.flush:
			rows = drain(a.in, rows)
			write()
			close(ch)
		case <-a.quit:
			rows = drain(a.in, rows)
			write()
			return
		}
	}
}

func drain(in chan ackRow, rows []ackRow) []ackRow {
	for {
		select {
		case r := <-in:
			rows = append(rows, r)
		default:
			return rows
		}
	}
}

// write stores a batch, 500 rows a statement; an ack counts once (the
// first one's time is kept).
func (a *acks) write(ctx context.Context, rows []ackRow) error {
	return a.s.opts.DB.Tx(ctx, func(tx *store.Tx) error {
		for i := 0; i < len(rows); i += 500 {
			part := rows[i:min(i+500, len(rows))]
			q := "INSERT INTO emergency_receipts (emergency_id, device_id, acked_at) VALUES (?, ?, ?)" +
				strings.Repeat(", (?, ?, ?)", len(part)-1) + " ON CONFLICT DO NOTHING"
			args := make([]any, 0, 3*len(part))
			for _, r := range part {
				args = append(args, r.emergency, r.device, r.at)
			}
			if _, err := tx.Exec(ctx, q, args...); err != nil {
				return fmt.Errorf("receipts: %w", err)
			}
		}
		return nil
	})
}

// Flush writes the queued acks now (tests and shutdown).
func (s *Service) Flush() {
	ch := make(chan struct{})
	select {
	case s.acks.flush <- ch:
		<-ch
	case <-s.acks.done:
	}
}

func (a *acks) close(ctx context.Context) {
	a.once.Do(func() { close(a.quit) })
	select {
	case <-a.done:
	case <-ctx.Done():
	}
}
