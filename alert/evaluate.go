package alert

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/hallcast/hallcast/store"
)

// Result counts what one evaluation did.
type Result struct {
	Open     int `json:"open"`
	Started  int `json:"started"`
	Reminded int `json:"reminded"`
	Resolved int `json:"resolved"`
	Queued   int `json:"queued"`
	// Failed counts the conditions whose check failed (their alerts stay
	// as they were).
	Failed int `json:"failed"`
}

func (r *Result) String() string {
	return fmt.Sprintf("%d open: %d started, %d reminded, %d resolved; %d messages queued; %d checks failed",
		r.Open, r.Started, r.Reminded, r.Resolved, r.Queued, r.Failed)
}

// outcome is one rule's findings (ok false when it was not checked).
type outcome struct {
	rule     Rule
	cond     Condition
	findings []Finding
	ok       bool
}

// Evaluate checks the conditions of every rule (only those that follow
// topic, when topic is not empty), opens, reminds and resolves alerts and
// queues their messages. Checks run outside the transaction; the changes
// are decided inside it under a lock, so evaluations on several instances
// never raise an alert twice.
func (s *Service) Evaluate(ctx context.Context, topic string) (*Result, error) {
	s.evalMu.Lock()
	defer s.evalMu.Unlock()
	now := s.now()
	rules, err := s.Rules(ctx)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	checked := map[string][]Finding{}
	var outs []outcome
	for _, r := range rules {
		c, _ := s.condition(r.Condition)
		if topic != "" && !slices.Contains(c.Topics, topic) {
			continue
		}
		o := outcome{rule: r, cond: c}
		if r.Enabled {
			key := fmt.Sprintf("%s/%d", c.Kind, r.Threshold)
			f, done := checked[key]
			if !done {
				if f, err = c.Check(ctx, now, r.Threshold); err != nil {
					s.log.Error("alert: a condition could not be checked", "condition", c.Kind, "err", err)
					res.Failed++
					continue
				}
				checked[key] = f
			}
			o.findings, o.ok = f, true
		}
		outs = append(outs, o)
	}
	quiet, err := s.quiet(ctx, now)
	if err != nil {
		return nil, err
	}
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		if tx.Dialect() == store.Postgres {
			if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext('hallcast_alert:' || current_schema()))"); err != nil {
				return err
			}
		}
		for _, o := range outs {
			if err := s.apply(ctx, tx, o, now, quiet, res); err != nil {
				return fmt.Errorf("rule %d: %w", o.rule.ID, err)
			}
		}
		if !quiet {
			if err := s.digest(ctx, tx, now, res); err != nil {
				return err
			}
		}
		if err := tx.Get(ctx, &res.Open, "SELECT COUNT(*) FROM alert_states WHERE resolved_at IS NULL"); err != nil {
			return err
		}
		if res.Queued > 0 {
			tx.Publish(store.Event{Topic: Topic})
			tx.AfterCommit(s.wake)
		}
		return nil
	})
	if err != nil {
		return nil, wrap("evaluate", err)
	}
	return res, nil
}

type openState struct {
	ID         int64     `db:"id"`
	Item       string    `db:"item"`
	Text       string    `db:"text"`
	LastSentAt time.Time `db:"last_sent_at"`
}

// apply brings one rule's alerts in line with its findings.
func (s *Service) apply(ctx context.Context, tx *store.Tx, o outcome, now time.Time, quiet bool, res *Result) error {
	var open []openState
	if err := tx.Select(ctx, &open, "SELECT id, item, text, last_sent_at FROM alert_states WHERE rule_id = ? AND resolved_at IS NULL ORDER BY id",
		o.rule.ID); err != nil {
		return err
	}
	if !o.rule.Enabled {
		// A rule turned off closes its alerts without a word.
		_, err := tx.Exec(ctx, "UPDATE alert_states SET resolved_at = ? WHERE rule_id = ? AND resolved_at IS NULL", now, o.rule.ID)
		return err
	}
	byItem := make(map[string]openState, len(open))
	for _, st := range open {
		byItem[st.Item] = st
	}
	hold := quiet && !o.rule.Urgent
	remind := time.Duration(o.rule.RemindMinutes) * time.Minute
	var started, reminded, resolved []string
	seen := map[string]bool{}
	for _, f := range o.findings {
		if seen[f.Item] {
			continue
		}
		seen[f.Item] = true
		st, isOpen := byItem[f.Item]
		if f.Text == "" {
			f.Text = st.Text // a hold may say nothing new
		}
		switch {
		case !isOpen && f.Hold:
		case !isOpen:
			if _, err := tx.Exec(ctx, `INSERT INTO alert_states (rule_id, item, text, started_at, seen_at, last_sent_at) VALUES (?, ?, ?, ?, ?, ?)`,
				o.rule.ID, f.Item, f.Text, now, now, now); err != nil {
				return err
			}
			started = append(started, f.Text)
			s.log.Warn("alert: condition started", "condition", o.cond.Kind, "rule", o.rule.ID, "item", f.Item, "text", f.Text)
		case hold:
			// Quiet hours: the morning digest stands for the reminders,
			// whose interval starts again after it.
			if _, err := tx.Exec(ctx, "UPDATE alert_states SET text = ?, seen_at = ?, last_sent_at = ? WHERE id = ?", f.Text, now, now, st.ID); err != nil {
				return err
			}
		case !f.Hold && remind > 0 && now.Sub(st.LastSentAt) >= remind:
			if _, err := tx.Exec(ctx, "UPDATE alert_states SET text = ?, seen_at = ?, last_sent_at = ?, reminders = reminders + 1 WHERE id = ?",
				f.Text, now, now, st.ID); err != nil {
				return err
			}
			reminded = append(reminded, f.Text)
		default:
			if _, err := tx.Exec(ctx, "UPDATE alert_states SET text = ?, seen_at = ? WHERE id = ?", f.Text, now, st.ID); err != nil {
				return err
			}
		}
	}
	for _, st := range open {
		if seen[st.Item] {
			continue
		}
		if _, err := tx.Exec(ctx, "UPDATE alert_states SET resolved_at = ? WHERE id = ?", now, st.ID); err != nil {
			return err
		}
		resolved = append(resolved, st.Text)
		s.log.Info("alert: condition resolved", "condition", o.cond.Kind, "rule", o.rule.ID, "item", st.Item)
	}
	res.Started, res.Reminded, res.Resolved = res.Started+len(started), res.Reminded+len(reminded), res.Resolved+len(resolved)
	for _, ev := range []struct {
		event string
		lines []string
	}{{EventStart, started}, {EventRemind, reminded}, {EventResolved, resolved}} {
		if len(ev.lines) == 0 {
			continue
		}
		m := message{Event: ev.event, Cond: o.cond.Kind, Title: o.cond.Title, Lines: ev.lines}
		n, err := s.enqueue(ctx, tx, o.rule.GroupID, &o.rule.ID, m, hold, now)
		if err != nil {
			return err
		}
		res.Queued += n
	}
	return nil
}
