package calendar

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/store"
)

// Moved is a date kept elsewhere (a deadline, the end of a notice period)
// that a change of the holiday lists moved.
type Moved struct {
	// Kind is the kind of object: "disclosure_request", "rating_followup",
	// "notice".
	Kind  string `json:"kind"`
	ID    int64  `json:"id"`
	Label string `json:"label"`
	Old   Date   `json:"old"`
	New   Date   `json:"new"`
	// Provisional says the new date still relies on a year without a list.
	Provisional bool `json:"provisional"`
}

// Dependent keeps dates computed with the calendar. When a list changes,
// RecomputeDates runs inside the transaction of the change with the
// calendars before and after it: it updates what it stores and returns
// every date that moved. It must not publish work outside tx.
type Dependent interface {
	RecomputeDates(ctx context.Context, tx *store.Tx, before, after *Calendar) ([]Moved, error)
}

// dependents is the list of Dependents of a Service.
type dependents struct {
	mu   sync.Mutex
	list []Dependent
}

// Track makes a change of the lists recompute d's dates (R3: every open
// deadline and notice period that changes is recomputed, listed and
// audited). Call it while wiring, before serving.
func (s *Service) Track(d Dependent) {
	s.deps.mu.Lock()
	s.deps.list = append(s.deps.list, d)
	s.deps.mu.Unlock()
}

// recompute runs every Dependent inside tx with the calendars before and
// after the change made in tx, and audits each moved date as done by who.
func (s *Service) recompute(ctx context.Context, tx *store.Tx, who audit.Actor, before *Calendar) ([]Moved, error) {
	s.deps.mu.Lock()
	deps := slices.Clone(s.deps.list)
	s.deps.mu.Unlock()
	if len(deps) == 0 {
		return []Moved{}, nil
	}
	years, err := loadYears(ctx, tx, 0)
	if err != nil {
		return nil, err
	}
	after, err := New(years, Provisional())
	if err != nil {
		return nil, fmt.Errorf("calendar: the changed lists are inconsistent: %w", err)
	}
	now := s.clock.Now()
	moved := []Moved{}
	for _, d := range deps {
		ms, err := d.RecomputeDates(ctx, tx, before, after)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			err := audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "calendar.recompute", ObjectType: m.Kind, ObjectID: m.ID,
				Before: map[string]any{"date": m.Old, "label": m.Label},
				After:  map[string]any{"date": m.New, "provisional": m.Provisional}})
			if err != nil {
				return nil, err
			}
		}
		moved = append(moved, ms...)
	}
	slices.SortStableFunc(moved, func(a, b Moved) int { return a.New.Compare(b.New) })
	return moved, nil
}
