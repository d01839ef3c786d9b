package disclosure

import (
	"context"
	"strings"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// LogEntry is a stored event with who recorded it.
type LogEntry struct {
	Event
	ActorName string    `json:"actor_name"`
	CreatedAt time.Time `json:"created_at"`
}

type eventRow struct {
	Kind      string    `db:"kind"`
	OnDate    string    `db:"on_date"`
	Days      int       `db:"days"`
	Outcome   string    `db:"outcome"`
	Text      string    `db:"text"`
	ActorName string    `db:"actor_name"`
	CreatedAt time.Time `db:"created_at"`
}

func insertEvent(ctx context.Context, q store.Querier, id int64, e Event, who audit.Actor, now time.Time) error {
	var by any
	if who.ID != 0 {
		by = who.ID
	}
	_, err := q.Exec(ctx, `INSERT INTO disclosure_events (request_id, kind, on_date, days, outcome, text, actor_id, actor_name, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, e.Kind, e.Date.String(), e.Days, e.Outcome, e.Text, by, who.Name, now)
	return err
}

// logOf reads the event log of a request, oldest first.
func logOf(ctx context.Context, q store.Querier, id int64) ([]LogEntry, error) {
	var rows []eventRow
	if err := q.Select(ctx, &rows, "SELECT kind, on_date, days, outcome, text, actor_name, created_at FROM disclosure_events WHERE request_id = ? ORDER BY id", id); err != nil {
		return nil, err
	}
	out := make([]LogEntry, 0, len(rows))
	for _, r := range rows {
		d, err := calendar.ParseDate(r.OnDate)
		if err != nil {
			return nil, err
		}
		out = append(out, LogEntry{Event: Event{Kind: EventKind(r.Kind), Date: d, Days: r.Days, Outcome: Outcome(r.Outcome), Text: r.Text},
			ActorName: r.ActorName, CreatedAt: r.CreatedAt})
	}
	return out, nil
}

func events(log []LogEntry) []Event {
	out := make([]Event, len(log))
	for i, e := range log {
		out[i] = e.Event
	}
	return out
}

// Act records an admin's step on request id: a correction request, the
// corrected application, a consultation start or end, an extension, the
// reply or the close as abandoned. The step is checked against the log
// (Compute) before it is stored. A zero Date means today; a date in the
// future is refused.
func (s *Service) Act(ctx context.Context, who audit.Actor, id int64, e Event) (*State, error) {
	today := s.today()
	if e.Date == (calendar.Date{}) {
		e.Date = today
	}
	e.Text = strings.TrimSpace(e.Text)
	var c web.Check
	c.That(!e.Date.After(today), "date", web.CodeOutOfRange, "the date is in the future")
	c.MaxRunes("text", e.Text, 4000)
	c.That(e.Kind != EventReceived, "kind", web.CodeInvalid, "a request is received once, when it is submitted")
	needText := e.Kind == EventReplied || e.Kind == EventCorrectionRequested || e.Kind == EventConsultStarted
	c.That(!needText || e.Text != "", "text", web.CodeRequired, "required")
	if err := c.Err(); err != nil {
		return nil, err
	}
	cal, err := s.calendar(ctx)
	if err != nil {
		return nil, err
	}
	var st State
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		var status string
		if err := tx.Get(ctx, &status, "SELECT status FROM disclosure_requests WHERE id = ?", id); err != nil {
			if store.IsNotFound(err) {
				return web.NotFound("request")
			}
			return err
		}
		log, err := logOf(ctx, tx, id)
		if err != nil {
			return err
		}
		if st, err = Compute(cal, append(events(log), e), today); err != nil {
			return err
		}
		now := s.opts.Clock.Now()
		if err := insertEvent(ctx, tx, id, e, who, now); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE disclosure_requests SET status = ?, updated_at = ? WHERE id = ?", st.Status, now, id); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id, Data: []byte(`{"event":"` + string(e.Kind) + `"}`)})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "disclosure." + string(e.Kind), ObjectType: "disclosure_request", ObjectID: id,
			Before: map[string]string{"status": status}, After: e})
	})
	if err != nil {
		return nil, wrap("record a step", err)
	}
	return &st, nil
}

// Assign gives request id to a user (0: nobody).
func (s *Service) Assign(ctx context.Context, who audit.Actor, id, userID int64) error {
	var to any
	if userID != 0 {
		to = userID
	}
	return wrap("assign a request", s.db.Tx(ctx, func(tx *store.Tx) error {
		if userID != 0 {
			var n int
			if err := tx.Get(ctx, &n, "SELECT COUNT(*) FROM users WHERE id = ?", userID); err != nil {
				return err
			}
			if n == 0 {
				return web.Invalid("user_id", web.CodeNotFound, "no such user")
			}
		}
		res, err := tx.Exec(ctx, "UPDATE disclosure_requests SET assignee_id = ?, updated_at = ? WHERE id = ?", to, s.opts.Clock.Now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return web.NotFound("request")
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: s.opts.Clock.Now(), Action: "disclosure.assign", ObjectType: "disclosure_request", ObjectID: id,
			After: map[string]any{"assignee_id": to}})
	}))
}
