package proof

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Limits of a "played" frame.
const (
	MaxItems    = 100
	maxKey      = 64
	maxDuration = time.Hour
	// futureSlack tolerates screen clocks a little ahead of the server's.
	futureSlack = 5 * time.Minute
)

// Played is the data of a "played" frame (docs/protocol.md).
type Played struct {
	Items []PlayedItem `json:"items"`
}

// PlayedItem is one item a screen played.
type PlayedItem struct {
	Key        string    `json:"key"`
	NoticeID   int64     `json:"notice_id"` // 0 for widgets (clock, ticker, ...)
	Start      time.Time `json:"start"`
	DurationMS int64     `json:"duration_ms"`
}

// Parse decodes and checks a "played" frame's data at now. A bad frame is
// refused as a whole with a *web.Error naming the first bad field (e.g.
// "items[3].start"); it will never become valid, so the caller may
// acknowledge and drop it.
func Parse(data json.RawMessage, now time.Time, maxAge time.Duration) (*Played, error) {
	var p Played
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&p); err != nil {
		return nil, web.Invalid("items", web.CodeInvalidJSON, "malformed played data: %v", err)
	}
	var c web.Check
	c.That(len(p.Items) > 0, "items", web.CodeRequired, "no items")
	c.That(len(p.Items) <= MaxItems, "items", web.CodeInvalid, "at most %d items per frame (got %d)", MaxItems, len(p.Items))
	if err := c.Err(); err != nil {
		return nil, err
	}
	for i := range p.Items {
		it := &p.Items[i]
		f := func(name string) string { return fmt.Sprintf("items[%d].%s", i, name) }
		it.Key = strings.TrimSpace(it.Key)
		c.That(it.Key != "" && utf8.ValidString(it.Key), f("key"), web.CodeRequired, "want the item key")
		c.MaxRunes(f("key"), it.Key, maxKey)
		c.That(it.NoticeID >= 0, f("notice_id"), web.CodeInvalid, "want a notice id or 0")
		c.That(!it.Start.IsZero(), f("start"), web.CodeRequired, "want the start time")
		c.That(it.Start.IsZero() || !it.Start.After(now.Add(futureSlack)), f("start"), web.CodeInvalid, "in the future")
		c.That(it.Start.IsZero() || !it.Start.Before(now.Add(-maxAge)), f("start"), web.CodeInvalid, "older than %d days", int(maxAge.Hours()/24))
		c.That(it.DurationMS > 0 && it.DurationMS <= maxDuration.Milliseconds(), f("duration_ms"), web.CodeInvalid,
			"want 1 to %d ms", maxDuration.Milliseconds())
		if err := c.Err(); err != nil {
			return nil, err
		}
		it.Start = it.Start.UTC().Truncate(time.Microsecond)
	}
	return &p, nil
}

// Record stores the plays of a "played" frame from a screen. Plays already
// stored (a frame sent again after a lost ack) are ignored. Plays of a day
// already rolled up mark that day for another roll-up.
func (s *Service) Record(ctx context.Context, deviceID int64, data json.RawMessage) error {
	now := s.now()
	maxAge := s.opts.MaxAge
	// A play is only taken while its day is within the retention period,
	// so a late play never reopens a day whose raw plays are pruned.
	ret, err := s.Retention(ctx)
	if err != nil {
		return err
	}
	maxAge = min(maxAge, ret-24*time.Hour)
	p, err := Parse(data, now, maxAge)
	if err != nil {
		return err
	}
	today := s.today()
	late := map[string]bool{}
	var b strings.Builder
	b.WriteString("INSERT INTO screen_plays (device_id, item_key, notice_id, started_at, duration_ms, received_at) VALUES ")
	args := make([]any, 0, len(p.Items)*6)
	for i, it := range p.Items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?)")
		var notice any
		if it.NoticeID > 0 {
			notice = it.NoticeID
		}
		args = append(args, deviceID, it.Key, notice, it.Start, it.DurationMS, now)
		if d := s.dayOf(it.Start); d.Before(today) {
			late[d.String()] = true
		}
	}
	b.WriteString(" ON CONFLICT (device_id, started_at, item_key) DO NOTHING")
	err = s.db.Tx(ctx, func(tx *store.Tx) error {
		if _, err := tx.Exec(ctx, b.String(), args...); err != nil {
			return err
		}
		for day := range late {
			if _, err := tx.Exec(ctx, "DELETE FROM proof_rollups WHERE day = ?", day); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return wrap(fmt.Sprintf("record %d plays of screen %d", len(p.Items), deviceID), err)
	}
	return nil
}
