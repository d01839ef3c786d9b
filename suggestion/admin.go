package suggestion

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Suggestion is a message as admins see it, the phone masked.
type Suggestion struct {
	ID          int64      `db:"id" json:"id"`
	TrackingNo  string     `db:"tracking_no" json:"tracking_no"`
	DeviceID    *int64     `db:"device_id" json:"device_id,omitempty"`
	Category    string     `db:"category" json:"category"`
	Body        string     `db:"body" json:"body"`
	PhoneMasked string     `db:"phone_masked" json:"phone_masked,omitempty"`
	Status      string     `db:"status" json:"status"`
	AssigneeID  *int64     `db:"assignee_id" json:"assignee_id,omitempty"`
	Reply       string     `db:"reply" json:"reply"`
	RepliedAt   *time.Time `db:"replied_at" json:"replied_at,omitempty"`
	ClosedAt    *time.Time `db:"closed_at" json:"closed_at,omitempty"`
	CreatedAt   time.Time  `db:"created_at" json:"created_at"`
}

const columns = "id, tracking_no, device_id, category, body, phone_masked, status, assignee_id, reply, replied_at, closed_at, created_at"

// List returns messages, open ones (not closed) unless all, newest first:
// the text opened, the phone masked (contact.go).
func (s *Service) List(ctx context.Context, all bool) ([]Suggestion, error) {
	q := "SELECT " + columns + " FROM suggestions"
	if !all {
		q += " WHERE status <> 'closed'"
	}
	out := []Suggestion{}
	if err := s.db.Select(ctx, &out, q+" ORDER BY id DESC LIMIT 500"); err != nil {
		return nil, wrap("list suggestions", err)
	}
	for i := range out {
		body, err := s.opts.Keys.Open(out[i].Body, place("body", out[i].TrackingNo))
		if err != nil {
			return nil, wrap("list suggestions", fmt.Errorf("open message %d: %w", out[i].ID, err))
		}
		out[i].Body = body
	}
	return out, nil
}

// Open counts the messages not yet replied to, for the dashboard.
func (s *Service) Open(ctx context.Context) (int, error) {
	var n int
	err := s.db.Get(ctx, &n, "SELECT COUNT(*) FROM suggestions WHERE status IN ('received', 'assigned')")
	return n, wrap("count suggestions", err)
}

// Assign gives a message to a user.
func (s *Service) Assign(ctx context.Context, who audit.Actor, id, userID int64) error {
	return s.change(ctx, who, id, "suggestion.assign", func(tx *store.Tx, status string) error {
		var n int
		if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM users WHERE id = ?", userID); err != nil {
			return err
		}
		if n == 0 {
			return web.Invalid("user_id", web.CodeNotFound, "no such user")
		}
		next := status
		if status == "received" {
			next = "assigned"
		}
		_, err := tx.Exec(ctx, "UPDATE suggestions SET assignee_id = ?, status = ?, updated_at = ? WHERE id = ?", userID, next, s.opts.Clock.Now(), id)
		return err
	}, map[string]any{"assignee_id": userID})
}

// Reply sets the answer the citizen will see (it may be revised until the
// message is closed).
func (s *Service) Reply(ctx context.Context, who audit.Actor, id int64, reply string) error {
	var c web.Check
	reply = c.Text("reply", strings.TrimSpace(reply), 2000)
	if err := c.Err(); err != nil {
		return err
	}
	var by any
	if who.ID != 0 {
		by = who.ID
	}
	return s.change(ctx, who, id, "suggestion.reply", func(tx *store.Tx, _ string) error {
		now := s.opts.Clock.Now()
		_, err := tx.Exec(ctx, "UPDATE suggestions SET reply = ?, replied_at = ?, replied_by = ?, status = 'replied', updated_at = ? WHERE id = ?",
			reply, now, by, now, id)
		return err
	}, map[string]string{"reply": reply})
}

// Close ends the handling of a message.
func (s *Service) Close(ctx context.Context, who audit.Actor, id int64) error {
	return s.change(ctx, who, id, "suggestion.close", func(tx *store.Tx, _ string) error {
		now := s.opts.Clock.Now()
		_, err := tx.Exec(ctx, "UPDATE suggestions SET status = 'closed', closed_at = ?, updated_at = ? WHERE id = ?", now, now, id)
		return err
	}, nil)
}

func (s *Service) change(ctx context.Context, who audit.Actor, id int64, action string, fn func(tx *store.Tx, status string) error, after any) error {
	return wrap("update a suggestion", s.db.Tx(ctx, func(tx *store.Tx) error {
		var status string
		if err := tx.Get(ctx, &status, "SELECT status FROM suggestions WHERE id = ?", id); err != nil {
			if store.IsNotFound(err) {
				return web.NotFound("suggestion")
			}
			return err
		}
		if status == "closed" {
			return web.State("the message is closed")
		}
		if err := fn(tx, status); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: s.opts.Clock.Now(), Action: action, ObjectType: "suggestion", ObjectID: id,
			Before: map[string]string{"status": status}, After: after})
	}))
}
