package rating

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Rating is a stored rating with its follow-up, if any.
type Rating struct {
	ID         int64      `db:"id" json:"id"`
	DeviceID   *int64     `db:"device_id" json:"device_id,omitempty"`
	Level      Level      `db:"level" json:"level"`
	Service    string     `db:"service" json:"service"`
	TagsJSON   string     `db:"tags" json:"-"`
	Tags       []string   `db:"-" json:"tags"`
	Comment    string     `db:"comment" json:"comment"`
	CaseNo     string     `db:"case_no" json:"case_no"`
	CreatedAt  time.Time  `db:"created_at" json:"created_at"`
	FollowupID *int64     `db:"followup_id" json:"followup_id,omitempty"`
	DueOn      *string    `db:"due_on" json:"due_on,omitempty"`
	Status     *string    `db:"status" json:"followup_status,omitempty"`
	AssigneeID *int64     `db:"assignee_id" json:"assignee_id,omitempty"`
	Resolution *string    `db:"resolution" json:"resolution,omitempty"`
	ClosedAt   *time.Time `db:"closed_at" json:"closed_at,omitempty"`
	// Overdue is an open follow-up past its deadline.
	Overdue bool `db:"-" json:"overdue"`
	// DueProvisional says the deadline relies on a year without the State
	// Council's holiday list (R3): shown as 预计, recomputed on import.
	DueProvisional bool `db:"-" json:"due_provisional"`
}

// Filter selects ratings: bad ones only, open follow-ups only.
type Filter struct {
	BadOnly  bool
	OpenOnly bool
	Limit    int
}

// List returns ratings, newest first (open follow-ups by deadline).
func (s *Service) List(ctx context.Context, f Filter) ([]Rating, error) {
	q := `SELECT r.id, r.device_id, r.level, r.service, r.tags, r.comment, r.case_no, r.created_at,
		f.id AS followup_id, f.due_on, f.status, f.assignee_id, f.resolution, f.closed_at
		FROM ratings r LEFT JOIN rating_followups f ON f.rating_id = r.id WHERE 1 = 1`
	order := " ORDER BY r.id DESC"
	if f.BadOnly {
		q += " AND r.level <= 2"
	}
	if f.OpenOnly {
		q += " AND f.status = 'open'"
		order = " ORDER BY f.due_on, r.id"
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 200
	}
	out := []Rating{}
	if err := s.db.Select(ctx, &out, q+order+" LIMIT ?", f.Limit); err != nil {
		return nil, wrap("list ratings", err)
	}
	today := calendar.DateOf(s.opts.Clock.Now().In(s.opts.Location))
	var cal *calendar.Calendar
	if s.opts.Calendar != nil {
		var err error
		if cal, err = s.opts.Calendar.Calendar(ctx); err != nil {
			return nil, wrap("load the calendar", err)
		}
	}
	for i := range out {
		_ = json.Unmarshal([]byte(out[i].TagsJSON), &out[i].Tags)
		r := &out[i]
		r.Overdue = r.Status != nil && *r.Status == "open" && r.DueOn != nil && *r.DueOn < today.String()
		if due, err := calendar.ParseDate(deref(r.DueOn)); err == nil && cal != nil {
			r.DueProvisional = cal.Provisional(calendar.DateOf(r.CreatedAt.In(s.opts.Location)), due)
		}
	}
	return out, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Assign gives a follow-up to a user.
func (s *Service) Assign(ctx context.Context, who audit.Actor, followupID, userID int64) error {
	return s.update(ctx, who, followupID, "rating.followup.assign", func(tx *store.Tx) error {
		var n int
		if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM users WHERE id = ?", userID); err != nil {
			return err
		}
		if n == 0 {
			return web.Invalid("user_id", web.CodeNotFound, "no such user")
		}
		_, err := tx.Exec(ctx, "UPDATE rating_followups SET assignee_id = ? WHERE id = ?", userID, followupID)
		return err
	}, map[string]any{"assignee_id": userID})
}

// Close ends a follow-up with the resolution (what the hall did).
func (s *Service) Close(ctx context.Context, who audit.Actor, followupID int64, resolution string) error {
	resolution = strings.TrimSpace(resolution)
	var c web.Check
	resolution = c.Text("resolution", resolution, 2000)
	if err := c.Err(); err != nil {
		return err
	}
	now := s.opts.Clock.Now()
	var by any
	if who.ID != 0 {
		by = who.ID
	}
	return s.update(ctx, who, followupID, "rating.followup.close", func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, "UPDATE rating_followups SET status = 'closed', resolution = ?, closed_at = ?, closed_by = ? WHERE id = ?",
			resolution, now, by, followupID)
		return err
	}, map[string]string{"resolution": resolution})
}

func (s *Service) update(ctx context.Context, who audit.Actor, id int64, action string, fn func(tx *store.Tx) error, after any) error {
	return wrap("update a follow-up", s.db.Tx(ctx, func(tx *store.Tx) error {
		var status string
		if err := tx.Get(ctx, &status, "SELECT status FROM rating_followups WHERE id = ?", id); err != nil {
			if store.IsNotFound(err) {
				return web.NotFound("follow-up")
			}
			return err
		}
		if status != "open" {
			return web.State("the follow-up is closed")
		}
		if err := fn(tx); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: s.opts.Clock.Now(), Action: action, ObjectType: "rating_followup", ObjectID: id, After: after})
	}))
}
