package alert

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
)

// backoff is the wait before each retry; a message is given up after
// maxAttempts (a test message after one).
var backoff = []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 5 * time.Minute, 15 * time.Minute, 30 * time.Minute, time.Hour}

const (
	maxAttempts = 8
	// lease is how long a claimed message is this instance's: a message
	// whose instance died is sent by another one after it.
	lease = 2 * time.Minute
	// sendTimeout bounds one attempt.
	sendTimeout = 30 * time.Second
)

func retryAfter(attempts int) time.Duration {
	return backoff[min(max(attempts, 1), len(backoff))-1]
}

// queued is a message claimed for sending.
type queued struct {
	ID          int64     `db:"id"`
	ChannelID   int64     `db:"channel_id"`
	RuleID      *int64    `db:"rule_id"`
	Cond        string    `db:"cond"`
	Event       string    `db:"event"`
	Subject     string    `db:"subject"`
	Body        string    `db:"body"`
	Attempts    int       `db:"attempts"`
	MaxAttempts int       `db:"max_attempts"`
	CreatedAt   time.Time `db:"created_at"`
}

// enqueue queues m for every enabled channel of the group (none without
// one), held for the digest when held. It returns how many were queued.
func (s *Service) enqueue(ctx context.Context, tx *store.Tx, groupID, ruleID *int64, m message, held bool, now time.Time) (int, error) {
	if groupID == nil {
		return 0, nil
	}
	var channels []int64
	if err := tx.Select(ctx, &channels, `SELECT c.id FROM alert_group_channels gc JOIN alert_channels c ON c.id = gc.channel_id
		WHERE gc.group_id = ? AND c.enabled = TRUE ORDER BY c.id`, *groupID); err != nil {
		return 0, err
	}
	status := "pending"
	if held {
		status = "held"
	}
	body := s.body(m, now)
	for _, ch := range channels {
		if _, err := s.insertMessage(ctx, tx, ch, ruleID, m.Cond, m.Event, m.subject(), body, status, maxAttempts, now); err != nil {
			return 0, err
		}
	}
	return len(channels), nil
}

func (s *Service) insertMessage(ctx context.Context, tx *store.Tx, channelID int64, ruleID *int64, cond, event, subject, body, status string,
	attempts int, now time.Time) (int64, error) {
	var id int64
	err := tx.Get(ctx, &id, `INSERT INTO alert_outbox (channel_id, rule_id, cond, event, subject, body, status, max_attempts, next_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, channelID, ruleID, cond, event, subject, body, status, attempts, now, now)
	return id, err
}

// claim leases up to n due messages to this instance. On PostgreSQL rows
// another instance is claiming are skipped (SKIP LOCKED); SQLite has one
// writer.
func (s *Service) claim(ctx context.Context, now time.Time, n int) ([]queued, error) {
	var rows []queued
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		lock := ""
		if tx.Dialect() == store.Postgres {
			lock = " FOR UPDATE SKIP LOCKED"
		}
		return tx.Select(ctx, &rows, fmt.Sprintf(`UPDATE alert_outbox SET lease_holder = ?, lease_until = ? WHERE id IN (
			SELECT id FROM alert_outbox WHERE status = 'pending' AND next_at <= ? AND (lease_until IS NULL OR lease_until < ?)
			ORDER BY next_at, id LIMIT %d%s)
			RETURNING id, channel_id, rule_id, cond, event, subject, body, attempts, max_attempts, created_at`, n, lock),
			s.instance, now.Add(lease), now, now)
	})
	return rows, wrap("claim messages", err)
}

// finish records one attempt and its answer, and marks the message sent,
// due again after its backoff, or failed.
func (s *Service) finish(ctx context.Context, q queued, ok bool, answer string, took time.Duration) error {
	now := s.now()
	attempt := q.Attempts + 1
	answer = clipAnswer(answer)
	return wrap("record a delivery", s.db.Tx(ctx, func(tx *store.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO alert_deliveries (outbox_id, channel_id, attempt, at, ok, answer, duration_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, q.ID, q.ChannelID, attempt, now, ok, answer, took.Milliseconds()); err != nil {
			return err
		}
		var err error
		switch {
		case ok:
			_, err = tx.Exec(ctx, `UPDATE alert_outbox SET status = 'sent', attempts = ?, sent_at = ?, lease_holder = '', lease_until = NULL,
				last_error = '' WHERE id = ? AND lease_holder = ?`, attempt, now, q.ID, s.instance)
		case attempt >= q.MaxAttempts:
			_, err = tx.Exec(ctx, `UPDATE alert_outbox SET status = 'failed', attempts = ?, lease_holder = '', lease_until = NULL,
				last_error = ? WHERE id = ? AND lease_holder = ?`, attempt, answer, q.ID, s.instance)
		default:
			_, err = tx.Exec(ctx, `UPDATE alert_outbox SET attempts = ?, next_at = ?, lease_holder = '', lease_until = NULL, last_error = ?
				WHERE id = ? AND lease_holder = ?`, attempt, now.Add(retryAfter(attempt)), answer, q.ID, s.instance)
		}
		return err
	}))
}

// nextDue returns when the next pending message falls due (or its lease
// runs out), if any.
func (s *Service) nextDue(ctx context.Context) (time.Time, bool, error) {
	var rows []struct {
		NextAt     time.Time  `db:"next_at"`
		LeaseUntil *time.Time `db:"lease_until"`
	}
	if err := s.db.Select(ctx, &rows, "SELECT next_at, lease_until FROM alert_outbox WHERE status = 'pending' ORDER BY next_at, id LIMIT 50"); err != nil {
		return time.Time{}, false, wrap("read the outbox", err)
	}
	var next time.Time
	for _, r := range rows {
		at := r.NextAt
		if r.LeaseUntil != nil && r.LeaseUntil.After(at) {
			at = *r.LeaseUntil
		}
		if next.IsZero() || at.Before(next) {
			next = at
		}
	}
	return next, !next.IsZero(), nil
}

func clipAnswer(s string) string {
	const n = 500
	if len(s) <= n {
		return s
	}
	for i := n; i > 0; i-- {
		if s[i]&0xC0 != 0x80 {
			return s[:i] + "…"
		}
	}
	return ""
}
