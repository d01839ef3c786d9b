package display

import (
	"context"
	"encoding/json"
	"time"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/store"
)

// Follow reacts to change events until the subscription ends: it drops the
// cached snapshot and re-resolves every connected screen, pushing only to
// those whose playlist version changed. A screen whose own settings
// changed (name, profile, groups) gets a new hello first. Subscribe to
// notice.Topic, Topic, device.Topic and the calendar, catalogue and
// settings topics.
func (p *Push) Follow(sub *store.Subscription) {
	for ev := range sub.C {
		greet := map[int64]bool{}
		p.collect(ev, greet)
		// Coalesce a burst of events into one pass.
		for more := true; more; {
			select {
			case e, ok := <-sub.C:
				if !ok {
					more = false
					break
				}
				p.collect(e, greet)
			default:
				more = false
			}
		}
		p.invalidate()
		p.refreshAll(greet)
	}
}

// collect notes the screens that need a new hello for ev.
func (p *Push) collect(ev store.Event, greet map[int64]bool) {
	switch ev.Topic {
	case device.Topic:
		greet[ev.ID] = true
	case Topic:
		var d EventData
		_ = json.Unmarshal(ev.Data, &d)
		if d.What == WhatScreen {
			greet[ev.ID] = true
		}
		if d.What == WhatGroup {
			greet[0] = true // group names: greet everyone
		}
	case store.TopicResync:
		greet[0] = true
	}
}

// refreshAll re-resolves every connected screen now.
func (p *Push) refreshAll(greet map[int64]bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	sn, err := p.snapshot(ctx)
	if err != nil {
		p.log.Error("display: reloading screens", "err", err)
		return
	}
	now := p.clock.Now()
	p.mu.Lock()
	ids := make([]int64, 0, len(p.states))
	for id := range p.states {
		ids = append(ids, id)
	}
	p.mu.Unlock()
	for _, id := range ids {
		if greet[0] || greet[id] {
			p.mu.Lock()
			st := p.states[id]
			p.mu.Unlock()
			if st != nil {
				p.greet(sn, st.client)
			}
		}
		p.refresh(sn, id, now)
	}
	p.poke()
}
