package disclosure

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// ReceiptCorrection is one change of a request's receipt date, with its
// reason and who made it.
type ReceiptCorrection struct {
	OldDate   calendar.Date `json:"old_date"`
	NewDate   calendar.Date `json:"new_date"`
	Reason    string        `json:"reason"`
	ActorName string        `json:"actor_name"`
	CreatedAt time.Time     `json:"created_at"`
}

// CorrectReceipt sets the receipt date of request id to date, for a
// reason (required): a date typed wrong at registration, a signature for
// the post found later. It rewrites the receipt event of the log, so the
// deadline follows (Compute) and every rule of the log is checked again.
// A date in the future, before the earliest receipt date, or after the
// date of the log's next step is refused naming "date".
func (s *Service) CorrectReceipt(ctx context.Context, who audit.Actor, id int64, raw, reason string) (*State, error) {
	today := s.today()
	var c web.Check
	date := checkReceipt(&c, "date", raw, today)
	reason = c.Text("reason", reason, 500)
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
		evs := events(log)
		old := evs[0].Date
		switch {
		case date == old:
			return web.Invalid("date", web.CodeInvalid, "the request was received on %s already", old)
		case len(evs) > 1 && date.After(evs[1].Date):
			e := web.Invalid("date", web.CodeOutOfRange, "%s is after the next step of the log (%s on %s)", date, evs[1].Kind, evs[1].Date)
			e.Params = map[string]any{"max": evs[1].Date.String()}
			return e
		}
		evs[0].Date = date
		if st, err = Compute(cal, evs, today); err != nil {
			return err
		}
		now := s.opts.Clock.Now()
		if _, err := tx.Exec(ctx, "UPDATE disclosure_events SET on_date = ? WHERE request_id = ? AND kind = ?", date.String(), id, EventReceived); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE disclosure_requests SET status = ?, updated_at = ? WHERE id = ?", st.Status, now, id); err != nil {
			return err
		}
		var by any
		if who.ID != 0 {
			by = who.ID
		}
		if _, err := tx.Exec(ctx, `INSERT INTO disclosure_receipt_corrections (request_id, old_date, new_date, reason, actor_id, actor_name, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id, old.String(), date.String(), reason, by, who.Name, now); err != nil {
			return err
		}
		tx.Publish(store.Event{Topic: Topic, ID: id, Data: []byte(`{"event":"receipt_corrected"}`)})
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "disclosure.receipt_corrected", ObjectType: "disclosure_request", ObjectID: id,
			Before: map[string]any{"received_on": old}, After: map[string]any{"received_on": date, "reason": reason, "due": st.Due}})
	})
	if err != nil {
		return nil, wrap("correct a receipt date", err)
	}
	return &st, nil
}

// corrections reads the receipt corrections of request id, oldest first.
func corrections(ctx context.Context, q store.Querier, id int64) ([]ReceiptCorrection, error) {
	var rows []struct {
		OldDate   string    `db:"old_date"`
		NewDate   string    `db:"new_date"`
		Reason    string    `db:"reason"`
		ActorName string    `db:"actor_name"`
		CreatedAt time.Time `db:"created_at"`
	}
	if err := q.Select(ctx, &rows, `SELECT old_date, new_date, reason, actor_name, created_at
		FROM disclosure_receipt_corrections WHERE request_id = ? ORDER BY id`, id); err != nil {
		return nil, err
	}
	out := make([]ReceiptCorrection, 0, len(rows))
	for _, r := range rows {
		o, err := calendar.ParseDate(r.OldDate)
		if err != nil {
			return nil, err
		}
		n, err := calendar.ParseDate(r.NewDate)
		if err != nil {
			return nil, err
		}
		out = append(out, ReceiptCorrection{OldDate: o, NewDate: n, Reason: r.Reason, ActorName: r.ActorName, CreatedAt: r.CreatedAt})
	}
	return out, nil
}
