package alert

import (
	"context"
	"fmt"
	"time"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Message is a queued message with its state, for the delivery log.
type Message struct {
	ID          int64      `db:"id" json:"id"`
	ChannelID   int64      `db:"channel_id" json:"channel_id"`
	ChannelName string     `db:"channel_name" json:"channel_name"`
	RuleID      *int64     `db:"rule_id" json:"rule_id"`
	Condition   string     `db:"cond" json:"condition"`
	Event       string     `db:"event" json:"event"`
	Subject     string     `db:"subject" json:"subject"`
	Body        string     `db:"body" json:"body"`
	Status      string     `db:"status" json:"status"` // pending, held, sent, failed, digested
	Attempts    int        `db:"attempts" json:"attempts"`
	MaxAttempts int        `db:"max_attempts" json:"max_attempts"`
	NextAt      time.Time  `db:"next_at" json:"next_at"`
	DigestID    *int64     `db:"digest_id" json:"digest_id,omitempty"`
	LastError   string     `db:"last_error" json:"last_error"`
	CreatedAt   time.Time  `db:"created_at" json:"created_at"`
	SentAt      *time.Time `db:"sent_at" json:"sent_at"`
	// Deliveries are its attempts (Message only).
	Deliveries []Delivery `db:"-" json:"deliveries,omitempty"`
}

// Delivery is one attempt at a message and the answer it got.
type Delivery struct {
	ID         int64     `db:"id" json:"id"`
	OutboxID   int64     `db:"outbox_id" json:"message_id"`
	ChannelID  int64     `db:"channel_id" json:"channel_id"`
	Attempt    int       `db:"attempt" json:"attempt"`
	At         time.Time `db:"at" json:"at"`
	OK         bool      `db:"ok" json:"ok"`
	Answer     string    `db:"answer" json:"answer"`
	DurationMS int64     `db:"duration_ms" json:"duration_ms"`
}

const messageColumns = `o.id, o.channel_id, c.name AS channel_name, o.rule_id, o.cond, o.event, o.subject, o.body, o.status, o.attempts,
	o.max_attempts, o.next_at, o.digest_id, o.last_error, o.created_at, o.sent_at`

// Messages lists the newest messages (of one channel when channelID is
// not 0).
func (s *Service) Messages(ctx context.Context, channelID int64, limit int) ([]Message, error) {
	q := "SELECT " + messageColumns + " FROM alert_outbox o JOIN alert_channels c ON c.id = o.channel_id"
	var args []any
	if channelID != 0 {
		q += " WHERE o.channel_id = ?"
		args = append(args, channelID)
	}
	out := []Message{}
	err := s.db.Select(ctx, &out, q+fmt.Sprintf(" ORDER BY o.id DESC LIMIT %d", max(1, min(limit, 500))), args...)
	return out, wrap("list messages", err)
}

// Message returns one message with its attempts.
func (s *Service) Message(ctx context.Context, id int64) (*Message, error) {
	var m Message
	err := s.db.Get(ctx, &m, "SELECT "+messageColumns+" FROM alert_outbox o JOIN alert_channels c ON c.id = o.channel_id WHERE o.id = ?", id)
	if store.IsNotFound(err) {
		return nil, web.NotFound("message")
	}
	if err != nil {
		return nil, wrap("read a message", err)
	}
	m.Deliveries = []Delivery{}
	err = s.db.Select(ctx, &m.Deliveries, `SELECT id, outbox_id, channel_id, attempt, at, ok, answer, duration_ms FROM alert_deliveries
		WHERE outbox_id = ? ORDER BY id`, id)
	return &m, wrap("read deliveries", err)
}

// State is one alert: a condition holding for one subject.
type State struct {
	ID         int64      `db:"id" json:"id"`
	RuleID     int64      `db:"rule_id" json:"rule_id"`
	Condition  string     `db:"cond" json:"condition"`
	Item       string     `db:"item" json:"item"`
	Text       string     `db:"text" json:"text"`
	StartedAt  time.Time  `db:"started_at" json:"started_at"`
	SeenAt     time.Time  `db:"seen_at" json:"seen_at"`
	LastSentAt time.Time  `db:"last_sent_at" json:"last_sent_at"`
	Reminders  int        `db:"reminders" json:"reminders"`
	ResolvedAt *time.Time `db:"resolved_at" json:"resolved_at"`
}

// States lists the open alerts, then the most recently resolved ones
// (up to recent).
func (s *Service) States(ctx context.Context, recent int) ([]State, error) {
	const cols = "SELECT st.id, st.rule_id, r.cond, st.item, st.text, st.started_at, st.seen_at, st.last_sent_at, st.reminders, st.resolved_at FROM alert_states st JOIN alert_rules r ON r.id = st.rule_id"
	out := []State{}
	if err := s.db.Select(ctx, &out, cols+" WHERE st.resolved_at IS NULL ORDER BY st.started_at DESC, st.id DESC"); err != nil {
		return nil, wrap("list alerts", err)
	}
	var done []State
	if err := s.db.Select(ctx, &done, cols+fmt.Sprintf(" WHERE st.resolved_at IS NOT NULL ORDER BY st.resolved_at DESC, st.id DESC LIMIT %d",
		max(0, min(recent, 500)))); err != nil {
		return nil, wrap("list alerts", err)
	}
	return append(out, done...), nil
}

// Prune deletes messages (with their attempts) and resolved alerts older
// than keep.
func (s *Service) Prune(ctx context.Context, keep time.Duration) (int64, error) {
	cut := s.now().Add(-keep)
	var n int64
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		res, err := tx.Exec(ctx, "DELETE FROM alert_outbox WHERE status IN ('sent', 'failed', 'digested') AND created_at < ?", cut)
		if err != nil {
			return err
		}
		n, _ = res.RowsAffected()
		_, err = tx.Exec(ctx, "DELETE FROM alert_states WHERE resolved_at < ?", cut)
		return err
	})
	return n, wrap("prune the log", err)
}

// Test queues a test message for a channel (one attempt, no retries) and
// returns its ID; the delivery log shows the answer.
func (s *Service) Test(ctx context.Context, channelID int64) (int64, error) {
	var id int64
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		r, err := s.channelRow(ctx, tx, channelID)
		if err != nil {
			return err
		}
		now := s.now()
		m := message{Event: EventTest, Title: "hallcast 告警通道「" + r.Name + "」测试", Lines: []string{"收到此消息说明通道配置正确。"}}
		if id, err = s.insertMessage(ctx, tx, channelID, nil, "", EventTest, m.subject(), s.body(m, now), "pending", 1, now); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic})
		tx.AfterCommit(s.wake)
		return nil
	})
	return id, wrap("queue a test", err)
}
