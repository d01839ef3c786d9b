package display

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/store"
)

// Follow reacts to change events until the subscription ends: it drops the
// cached snapshot and re-resolves every connected screen, sending a hello
// to those whose name, profile or groups changed and a playlist to those
// whose playlist version changed. Subscribe to notice.Topic, Topic,
// device.Topic and the calendar, catalogue and settings topics.
func (p *Push) Follow(sub *store.Subscription) {
	for range sub.C {
		// Coalesce a burst of events into one pass.
		for more := true; more; {
			select {
			case _, ok := <-sub.C:
				more = ok
			default:
				more = false
			}
		}
		p.invalidate()
		p.refreshAll()
	}
}

// refreshAll re-resolves every connected screen now.
func (p *Push) refreshAll() {
	p.mu.Lock()
	none := len(p.states) == 0
	p.mu.Unlock()
	if none {
		return // the next screen to connect loads the snapshot
	}
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
	memo := map[string]*Frame{}
	for _, id := range ids {
		p.greet(sn, id, false)
		p.refresh(sn, id, now, memo)
	}
	p.poke()
}
