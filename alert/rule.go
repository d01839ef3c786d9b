package alert

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Rule turns a condition on for a recipient group, with a threshold, a
// reminder interval and whether it passes quiet hours.
type Rule struct {
	ID        int64  `db:"id" json:"id"`
	Condition string `db:"cond" json:"condition"`
	Enabled   bool   `db:"enabled" json:"enabled"`
	// GroupID nil: the rule keeps its alerts on the alerts page and in the
	// log, and sends nothing.
	GroupID       *int64    `db:"group_id" json:"group_id"`
	Threshold     int       `db:"threshold" json:"threshold"`
	RemindMinutes int       `db:"remind_minutes" json:"remind_minutes"`
	Urgent        bool      `db:"urgent" json:"urgent"`
	CreatedAt     time.Time `db:"created_at" json:"created_at"`
	UpdatedAt     time.Time `db:"updated_at" json:"updated_at"`
}

// RuleInput creates or changes a rule.
type RuleInput struct {
	Condition     string `json:"condition"`
	Enabled       bool   `json:"enabled"`
	GroupID       *int64 `json:"group_id"`
	Threshold     int    `json:"threshold"`
	RemindMinutes int    `json:"remind_minutes"`
	Urgent        bool   `json:"urgent"`
}

const ruleColumns = "id, cond, enabled, group_id, threshold, remind_minutes, urgent, created_at, updated_at"

// Rules lists every rule, in the order of the conditions.
func (s *Service) Rules(ctx context.Context) ([]Rule, error) {
	var rows []Rule
	if err := s.db.Select(ctx, &rows, "SELECT "+ruleColumns+" FROM alert_rules ORDER BY id"); err != nil {
		return nil, wrap("list rules", err)
	}
	out := make([]Rule, 0, len(rows))
	for _, c := range s.Conditions() {
		for _, r := range rows {
			if r.Condition == c.Kind {
				out = append(out, r)
			}
		}
	}
	return out, nil
}

func getRule(ctx context.Context, q store.Querier, id int64) (*Rule, error) {
	var r Rule
	err := q.Get(ctx, &r, "SELECT "+ruleColumns+" FROM alert_rules WHERE id = ?", id)
	if store.IsNotFound(err) {
		return nil, web.NotFound("rule")
	}
	return &r, err
}

func (s *Service) checkRule(in RuleInput) error {
	var c web.Check
	cond, ok := s.condition(in.Condition)
	c.That(ok, "condition", web.CodeInvalid, "no condition %q", in.Condition)
	if ok {
		c.Range("threshold", in.Threshold, cond.Min, cond.Max)
	}
	c.Range("remind_minutes", in.RemindMinutes, 0, 7*24*60)
	return c.Err()
}

// SaveRule creates (id 0) or changes a rule.
func (s *Service) SaveRule(ctx context.Context, who audit.Actor, id int64, in RuleInput) (*Rule, error) {
	if err := s.checkRule(in); err != nil {
		return nil, err
	}
	var out *Rule
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		now := s.now()
		var before *Rule
		var err error
		if id != 0 {
			if before, err = getRule(ctx, tx, id); err != nil {
				return err
			}
			if before.Condition != in.Condition {
				return web.Invalid("condition", web.CodeInvalid, "a rule keeps its condition; add a new one")
			}
		}
		if in.GroupID != nil {
			if _, err := getGroup(ctx, tx, *in.GroupID); web.IsNotFound(err) {
				return web.Invalid("group_id", web.CodeNotFound, "no group %d", *in.GroupID)
			} else if err != nil {
				return err
			}
		}
		if id == 0 {
			err = tx.Get(ctx, &id, `INSERT INTO alert_rules (cond, enabled, group_id, threshold, remind_minutes, urgent, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, in.Condition, in.Enabled, in.GroupID, in.Threshold, in.RemindMinutes, in.Urgent, now, now)
		} else {
			_, err = tx.Exec(ctx, `UPDATE alert_rules SET enabled = ?, group_id = ?, threshold = ?, remind_minutes = ?, urgent = ?, updated_at = ?
				WHERE id = ?`, in.Enabled, in.GroupID, in.Threshold, in.RemindMinutes, in.Urgent, now, id)
		}
		if err != nil {
			return err
		}
		if out, err = getRule(ctx, tx, id); err != nil {
			return err
		}
		if before != nil && !sameGroup(before.GroupID, out.GroupID) {
			// Its open alerts start again at the next evaluation, so that
			// the new group hears of them.
			if _, err := tx.Exec(ctx, "UPDATE alert_states SET resolved_at = ? WHERE rule_id = ? AND resolved_at IS NULL", now, id); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "alert_rule.save", ObjectType: "alert_rule", ObjectID: id, Before: before, After: out})
	})
	return out, wrap("save a rule", err)
}

// DeleteRule removes a rule and its alerts.
func (s *Service) DeleteRule(ctx context.Context, who audit.Actor, id int64) error {
	return wrap("delete a rule", s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := getRule(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM alert_rules WHERE id = ?", id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: s.now(), Action: "alert_rule.delete", ObjectType: "alert_rule", ObjectID: id, Before: before})
	}))
}

// seed creates each registered condition's default rule once (a rule an
// admin deleted is not created again), on any number of instances.
func (s *Service) seed(ctx context.Context) error {
	for _, c := range s.Conditions() {
		err := s.db.Tx(ctx, func(tx *store.Tx) error {
			res, err := tx.Exec(ctx, "INSERT INTO alert_seeded (cond) VALUES (?) ON CONFLICT (cond) DO NOTHING", c.Kind)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return err
			}
			now := s.now()
			_, err = tx.Exec(ctx, `INSERT INTO alert_rules (cond, enabled, threshold, remind_minutes, urgent, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, c.Kind, c.DefaultEnabled, c.Threshold, c.RemindMinutes, c.Urgent, now, now)
			return err
		})
		if err != nil {
			return wrap("create the default rules", err)
		}
	}
	return nil
}

func sameGroup(a, b *int64) bool { return (a == nil && b == nil) || (a != nil && b != nil && *a == *b) }
