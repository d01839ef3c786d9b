package display

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"time"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/push"
	"github.com/hallcast/hallcast/web"
)

// Hello is the data of the "hello" message to a screen. The screen
// follows the server's clock it carries (now, today, timezone) rather than
// its own.
type Hello struct {
	Device           string     `json:"device"`
	ID               int64      `json:"id"`
	Kind             string     `json:"kind"`
	Profile          Profile    `json:"profile"`
	Groups           []GroupRef `json:"groups"`
	HeartbeatSeconds int        `json:"heartbeat_seconds"`
	clock.Reading
}

// screenOf returns a connected device's screen, or a landscape screen in
// no group for a screen device paired without a profile.
func screenOf(sn *Snapshot, c *push.Client) *Screen {
	if sc := sn.Screen(c.Device.ID); sc != nil {
		return sc
	}
	return &Screen{DeviceID: c.Device.ID, Name: c.Device.Name, Profile: Presets["landscape"], Groups: []GroupRef{}}
}

// Connected sends hello, then the playlist unless the screen already has
// its version (?have=).
func (p *Push) Connected(c *push.Client) {
	if p.tracker != nil {
		p.tracker.Connected(c.Device, c.Remote)
	}
	p.mu.Lock()
	p.states[c.Device.ID] = &screenState{client: c, version: have(c.Query)}
	p.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	sn, err := p.snapshot(ctx)
	if err == nil && sn.Screen(c.Device.ID) == nil {
		// Paired a moment ago: the cached snapshot may predate it.
		p.invalidate()
		sn, err = p.snapshot(ctx)
	}
	if err != nil {
		p.log.Error("display: connecting a screen", "device", c.Device.ID, "err", err)
		return
	}
	p.greet(sn, c.Device.ID, true)
	p.refreshScreen(sn, c.Device.ID, p.clock.Now(), true, nil)
	p.mu.Lock()
	if st := p.states[c.Device.ID]; st != nil && st.client == c {
		st.ready = true
	}
	missed := p.gen != sn.gen
	p.mu.Unlock()
	if missed {
		// A change came in while greeting; the follower skipped this screen.
		if sn, err = p.snapshot(ctx); err == nil {
			p.greet(sn, c.Device.ID, false)
			p.refresh(sn, c.Device.ID, p.clock.Now(), nil)
		}
	}
	p.poke()
}

// helloSeed hashes the hellos this process sent.
var helloSeed = maphash.MakeSeed()

// greet sends hello, unless force is false and the screen already has
// this one, and records the screen's groups on the client.
func (p *Push) greet(sn *Snapshot, deviceID int64, force bool) {
	p.mu.Lock()
	st := p.states[deviceID]
	p.mu.Unlock()
	if st == nil {
		return
	}
	c := st.client
	sc := screenOf(sn, c)
	hello := Hello{Device: sc.Name, ID: sc.DeviceID, Kind: "screen", Profile: sc.Profile, Groups: sc.Groups,
		HeartbeatSeconds: HeartbeatSeconds, Reading: clock.Reading{TimeZone: p.svc.loc.String()}}
	b, _ := json.Marshal(hello)
	sum := maphash.Bytes(helloSeed, b)
	p.mu.Lock()
	stale := p.states[deviceID] != st || sn.gen < st.gen || (!force && (!st.ready || st.hello == sum))
	if !stale {
		st.hello, st.gen = sum, sn.gen
	}
	p.mu.Unlock()
	if stale {
		return
	}
	c.Set("display.groups", sc.GroupIDs())
	hello.Reading = clock.Read(p.clock, p.svc.loc)
	if err := p.hub.Send(c, push.TypeHello, "", hello); err != nil {
		p.log.Warn("display: hello", "device", deviceID, "err", err)
	}
}

// refresh resolves a connected screen at at and sends a power frame when
// its power state changed and a playlist when its version changed (or
// "notice" frames when only notices in it were corrected in place). Only
// Connected refreshes a screen it has not greeted yet.
func (p *Push) refresh(sn *Snapshot, deviceID int64, at time.Time, memo map[string]*Frame) {
	p.refreshScreen(sn, deviceID, at, false, memo)
}

// refreshScreen does refresh; memo, when given, shares the frames of
// screens with the same profile and groups within one pass.
func (p *Push) refreshScreen(sn *Snapshot, deviceID int64, at time.Time, connecting bool, memo map[string]*Frame) {
	p.mu.Lock()
	st := p.states[deviceID]
	p.mu.Unlock()
	if st == nil {
		return
	}
	sc := screenOf(sn, st.client)
	key := fmt.Sprint(sc.Profile, sc.GroupIDs())
	f := memo[key]
	if f == nil {
		fr := sn.Frame(sc.Profile, sc.GroupIDs(), at)
		f = &fr
		if memo != nil {
			memo[key] = f
		}
	}
	p.mu.Lock()
	if p.states[deviceID] != st || sn.gen < st.gen || (!st.ready && !connecting) {
		p.mu.Unlock()
		return
	}
	st.gen = sn.gen
	sendPower := st.power != "" && st.power != f.Power.State
	sendList := st.version != f.Version
	var fixes []*FrameNotice
	if sendList {
		fixes = corrections(st.frame, f)
	}
	st.power, st.version, st.validUntil, st.frame = f.Power.State, f.Version, f.ValidUntil, f
	p.mu.Unlock()
	if sendPower {
		if err := p.hub.Send(st.client, push.TypePower, "", f.Power); err != nil {
			p.log.Warn("display: power", "device", deviceID, "err", err)
		}
	}
	if len(fixes) > 0 {
		// A correction: patch the notices in place, the rotation goes on.
		for _, n := range fixes {
			if err := p.hub.Send(st.client, push.TypeNotice, "", NoticeUpdate{Notice: n}); err != nil {
				p.log.Warn("display: notice", "device", deviceID, "err", err)
			}
		}
		return
	}
	if sendList {
		if err := p.hub.Send(st.client, push.TypePlaylist, "", f); err != nil {
			p.log.Warn("display: playlist", "device", deviceID, "err", err)
		}
	}
}

// Received hands heartbeats to the tracker and proof of play to the
// recorder, acknowledging a "played" frame once it is stored (or refused
// as invalid, so that a bad batch is not sent forever).
func (p *Push) Received(c *push.Client, m push.Message) {
	switch m.Type {
	case push.TypeHeartbeat:
		if p.tracker != nil {
			p.tracker.Heartbeat(c.Device.ID, m.Data)
		}
	case TypePlayed:
		if p.recorder == nil || m.ID == "" {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := p.recorder.Record(ctx, c.Device.ID, m.Data); err != nil {
			p.log.Warn("display: proof of play", "device", c.Device.ID, "err", err)
			var we *web.Error
			if !errors.As(err, &we) {
				return // not stored: the screen sends it again later
			}
			// Refused as invalid: it never will be stored, so the screen drops it.
		}
		if err := p.hub.Send(c, push.TypeAck, m.ID, nil); err != nil {
			p.log.Warn("display: ack", "device", c.Device.ID, "err", err)
		}
	}
}

// Disconnected forgets the screen (unless a newer connection replaced it).
func (p *Push) Disconnected(c *push.Client) {
	p.mu.Lock()
	st := p.states[c.Device.ID]
	mine := st != nil && st.client == c
	if mine {
		delete(p.states, c.Device.ID)
	}
	p.mu.Unlock()
	if mine && p.tracker != nil {
		p.tracker.Disconnected(c.Device.ID)
	}
}
