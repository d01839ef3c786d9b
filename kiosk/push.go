package kiosk

import (
	"context"
	"encoding/json"
	"log/slog"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/store"
)

// Push is the push.Handler of kiosks: it greets a kiosk with its identity,
// idle timings and the server's clock (which the kiosk follows again on
// every reconnection), and tells every kiosk when content changed, so that it
// refreshes what is on screen without moving the reader. Emergencies reach
// kiosks as "emergency" / "emergency_clear" messages from the emergency
// broadcaster; the kiosk app shows them as a banner.
type Push struct {
	hub  *push.Hub
	idle func(ctx context.Context) Idle
	now  func() clock.Reading
	log  *slog.Logger
	// heartbeat is called with each kiosk's heartbeat (OnHeartbeat).
	heartbeat func(c *push.Client)
}

// NewPush returns the kiosk push handler; register it with
// hub.Handle(device.KindKiosk, p).
// now reads the server's clock in the hall's zone.
func NewPush(hub *push.Hub, idle func(ctx context.Context) Idle, now func() clock.Reading, log *slog.Logger) *Push {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Push{hub: hub, idle: idle, now: now, log: log}
}

// ContentChange is the payload of a "content" message: what changed.
type ContentChange struct {
	// What is "notice" (ID says which) or "all" (reload every list).
	What  string `json:"what"`
	ID    int64  `json:"id,omitempty"`
	Event string `json:"event,omitempty"`
}

// Connected sends hello.
func (p *Push) Connected(c *push.Client) {
	now := p.now()
	hello := map[string]any{"device": c.Device.Name, "id": c.Device.ID, "idle": p.idle(context.Background()),
		"now": now.Now, "today": now.Today, "timezone": now.TimeZone}
	if err := p.hub.Send(c, push.TypeHello, "", hello); err != nil {
		p.log.Warn("kiosk: hello", "device", c.Device.ID, "err", err)
	}
}

// OnHeartbeat calls f with each kiosk that sends a heartbeat (the server
// records it as seen, for the offline alerts). Call it before kiosks
// connect.
func (p *Push) OnHeartbeat(f func(c *push.Client)) { p.heartbeat = f }

// Received passes heartbeats to OnHeartbeat's function and ignores acks:
// kiosks report nothing else.
func (p *Push) Received(c *push.Client, m push.Message) {
	if m.Type == push.TypeHeartbeat && p.heartbeat != nil {
		p.heartbeat(c)
	}
}

// Disconnected does nothing.
func (p *Push) Disconnected(c *push.Client) {}

func isKiosk(c *push.Client) bool { return c.Device.Kind == device.KindKiosk }

// Changed broadcasts a "content" message to kiosks for a change event:
// "notice" for a notice event, "all" for anything else (catalogue
// changes, a resync). Call it after the search index took the event in
// (search.Service.Follow's then), so a kiosk that reloads sees it.
func (p *Push) Changed(ev store.Event) {
	ch := ContentChange{What: "all"}
	if ev.Topic == search.Topic {
		var d struct {
			Event string `json:"event"`
		}
		_ = json.Unmarshal(ev.Data, &d)
		ch = ContentChange{What: "notice", ID: ev.ID, Event: d.Event}
	}
	if _, err := p.hub.Broadcast(push.TypeContent, "", ch, isKiosk); err != nil {
		p.log.Error("kiosk: content push", "err", err)
	}
}
