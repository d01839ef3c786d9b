package display

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/clock"
)

// timer waits for the earliest valid_until among the connected screens
// and re-resolves the screens due then, exactly at that instant.
func (p *Push) timer() {
	defer close(p.done)
	for {
		p.mu.Lock()
		var earliest time.Time
		for _, st := range p.states {
			if !st.validUntil.IsZero() && (earliest.IsZero() || st.validUntil.Before(earliest)) {
				earliest = st.validUntil
			}
		}
		p.mu.Unlock()
		var fire <-chan time.Time
		if !earliest.IsZero() {
			fire = clock.Until(p.clock, earliest)
		}
		select {
		case <-p.stop:
			return
		case <-p.wake:
		case <-fire:
			p.due(earliest)
		}
	}
}

// due re-resolves the screens whose playlist expired by at.
func (p *Push) due(at time.Time) {
	if now := p.clock.Now(); now.After(at) {
		at = now
	}
	p.mu.Lock()
	var ids []int64
	for id, st := range p.states {
		if !st.validUntil.After(at) {
			ids = append(ids, id)
		}
	}
	p.mu.Unlock()
	if len(ids) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	sn, err := p.snapshot(ctx)
	if err != nil {
		p.log.Error("display: scheduled playlist change", "err", err)
		// Try again in a while rather than spinning.
		p.mu.Lock()
		for _, id := range ids {
			if st := p.states[id]; st != nil {
				st.validUntil = at.Add(10 * time.Second)
			}
		}
		p.mu.Unlock()
		return
	}
	memo := map[string]*Frame{}
	for _, id := range ids {
		p.refresh(sn, id, at, memo)
	}
	// A screen that was not refreshed (a newer change is on its way to it)
	// must not keep the timer spinning.
	p.mu.Lock()
	for _, id := range ids {
		if st := p.states[id]; st != nil && !st.validUntil.After(at) {
			st.validUntil = at.Add(time.Second)
		}
	}
	p.mu.Unlock()
}
