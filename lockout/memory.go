package lockout

import "time"

// Check says whether a lookup in every one of scopes may go ahead at now:
// nil, or the first refusal. left is how many more misses the strictest
// scope takes before it is locked. It reads memory only.
func (g *Guard) Check(now time.Time, scopes []Scope) (refusal *Refusal, left int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	left = -1
	for _, s := range scopes {
		g.rules[s.Kind] = s.Rule
		var st State
		if e := g.entries[s.id()]; e != nil {
			st = e.st
		}
		if reason, wait := st.Refused(now); reason != "" && (refusal == nil || wait > refusal.Wait) {
			refusal = &Refusal{Kind: s.Kind, Name: s.Name, Reason: reason, Wait: wait}
		}
		if l := st.Left(s.Rule, now); left < 0 || l < left {
			left = l
		}
	}
	return refusal, max(left, 0)
}

// Miss counts a miss at now in every one of scopes, in memory at once
// (the database within Options.Every). It returns how many more misses
// the strictest scope takes.
func (g *Guard) Miss(now time.Time, scopes []Scope) (left int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	left = -1
	for _, s := range scopes {
		g.rules[s.Kind] = s.Rule
		id := s.id()
		e := g.entries[id]
		if e == nil {
			e = &entry{kind: s.Kind, name: s.Name}
			g.entries[id] = e
		}
		e.pending = append(e.pending, miss{at: now, rule: s.Rule})
		e.st = s.Rule.Miss(e.st, now)
		if l := e.st.Left(s.Rule, now); left < 0 || l < left {
			left = l
		}
	}
	return max(left, 0)
}

// State returns a scope's state as this instance knows it.
func (g *Guard) State(kind, name string) State {
	g.mu.Lock()
	defer g.mu.Unlock()
	if e := g.entries[Scope{Kind: kind, Name: name}.id()]; e != nil {
		return e.st
	}
	return State{}
}

// fold applies misses to a state in order.
func fold(st State, ms []miss) State {
	for _, m := range ms {
		st = m.rule.Miss(st, m.at)
	}
	return st
}

// evictLocked drops the entries that refuse and count nothing (g.mu
// held): a scope without an entry is the same. Entries of kinds that keep
// their rows stay (a flush writes the state in memory over the row: their
// number of locks is kept).
func (g *Guard) evictLocked(now time.Time) {
	for id, e := range g.entries {
		r, known := g.rules[e.kind]
		if known && !r.Keep && len(e.pending) == 0 && e.st.idle(r, now) {
			delete(g.entries, id)
		}
	}
}
