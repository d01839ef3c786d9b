package rating

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Input is a rating as the citizen gives it.
type Input struct {
	Level   Level    `json:"level"`
	Service string   `json:"service"`
	Tags    []string `json:"tags"`
	Comment string   `json:"comment"`
	CaseNo  string   `json:"case_no"`
}

// Created tells the kiosk what happened to a rating.
type Created struct {
	ID int64 `json:"id"`
	// FollowupDue is set for a bad rating: the date by which the hall
	// answers.
	FollowupDue *calendar.Date `json:"followup_due,omitempty"`
	// Provisional says FollowupDue relies on a year without the State
	// Council's holiday list (R3).
	Provisional bool `json:"provisional,omitempty"`
}

func (s *Service) check(ctx context.Context, in *Input) error {
	cfg := s.opts.Config(ctx)
	var c web.Check
	c.Range("level", int(in.Level), 1, 5)
	in.Service = strings.TrimSpace(in.Service)
	c.That(in.Service == "" || slices.Contains(cfg.Services, in.Service), "service", web.CodeInvalid, "not one of the services")
	c.That(len(in.Tags) <= 10, "tags", web.CodeOutOfRange, "at most 10 tags")
	for _, t := range in.Tags {
		c.That(slices.Contains(cfg.Tags, t), "tags", web.CodeInvalid, "unknown tag %q", t)
	}
	in.Comment = strings.TrimSpace(in.Comment)
	c.MaxRunes("comment", in.Comment, 500)
	in.CaseNo = strings.TrimSpace(in.CaseNo)
	c.MaxRunes("case_no", in.CaseNo, 40)
	return c.Err()
}

// Create stores the rating of kiosk session sessionID. A second rating in
// the same session is refused (409): the session ID is unique. A bad
// rating opens a follow-up due the configured working days from today.
func (s *Service) Create(ctx context.Context, deviceID int64, sessionID string, in Input) (*Created, error) {
	if err := s.check(ctx, &in); err != nil {
		return nil, err
	}
	if in.Tags == nil {
		in.Tags = []string{}
	}
	tags, _ := json.Marshal(in.Tags)
	now := s.opts.Clock.Now()
	out := &Created{}
	if in.Level.Bad() {
		cal, err := s.opts.Calendar.Calendar(ctx)
		if err != nil {
			return nil, wrap("load the calendar", err)
		}
		due, err := cal.AddWorkdays(calendar.DateOf(now.In(s.opts.Location)), s.opts.Config(ctx).FollowupDays)
		if err != nil {
			return nil, wrap("compute the follow-up deadline", err)
		}
		out.FollowupDue, out.Provisional = &due, cal.Provisional(calendar.DateOf(now.In(s.opts.Location)), due)
	}
	var dev any
	if deviceID != 0 {
		dev = deviceID
	}
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		var ids []int64
		if err := tx.Select(ctx, &ids, `INSERT INTO ratings (device_id, session_id, level, service, tags, comment, case_no, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING RETURNING id`,
			dev, sessionID, in.Level, in.Service, string(tags), in.Comment, in.CaseNo, now); err != nil {
			return err
		}
		if len(ids) == 0 {
			return web.Conflict("session", "this visit was already rated")
		}
		out.ID = ids[0]
		if out.FollowupDue == nil {
			return nil
		}
		_, err := tx.Exec(ctx, "INSERT INTO rating_followups (rating_id, due_on, status, created_at) VALUES (?, ?, 'open', ?)",
			out.ID, out.FollowupDue.String(), now)
		return err
	})
	if err != nil {
		return nil, wrap("store a rating", err)
	}
	return out, nil
}
