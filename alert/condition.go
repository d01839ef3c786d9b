package alert

import (
	"context"
	"time"
)

// Units of a rule's threshold.
const (
	UnitNone     = ""
	UnitWorkdays = "workdays" // due within N working days
	UnitMinutes  = "minutes"  // for more than N minutes
	UnitPercent  = "percent"  // below N percent
)

// Condition is something that can need people: the server registers one
// per kind with Register.
type Condition struct {
	// Kind is the stable key, e.g. "category_overdue".
	Kind    string
	Title   string // Chinese, e.g. "栏目更新不及时"
	TitleEN string
	// Unit says what Threshold counts; Threshold is the default of new
	// rules, Min and Max bound it.
	Unit           string
	Threshold      int
	Min, Max       int
	RemindMinutes  int  // default reminder interval (0: none)
	Urgent         bool // default: passes quiet hours
	DefaultEnabled bool
	// Topics are change-bus topics after which the condition is evaluated
	// again at once (as well as every minute).
	Topics []string
	// Check lists what is wrong now, given a rule's threshold. An error
	// leaves the rule's open alerts as they are.
	Check func(ctx context.Context, now time.Time, threshold int) ([]Finding, error)
}

// Finding is one subject for which a condition holds.
type Finding struct {
	// Item identifies the subject across evaluations ("category:12").
	Item string
	// Text is one line for people (Chinese).
	Text string
	// Hold says the condition still holds but outside the hours it counts
	// in (a screen offline after closing time): an open alert stays open
	// without reminders, and none is raised.
	Hold bool
}

// Register adds a condition. It panics on a duplicate kind: a
// programming error.
func (s *Service) Register(c Condition) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.conds[c.Kind]; dup {
		panic("alert: duplicate condition " + c.Kind)
	}
	s.conds[c.Kind] = c
	s.order = append(s.order, c.Kind)
}

func (s *Service) condition(kind string) (Condition, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.conds[kind]
	return c, ok
}

// Conditions lists the registered conditions in the order registered.
func (s *Service) Conditions() []Condition {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Condition, 0, len(s.order))
	for _, k := range s.order {
		out = append(out, s.conds[k])
	}
	return out
}
