package kiosk

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// A kiosk session is one visit: the kiosk asks for one at the first touch
// after the home screen or an idle wipe and ends it at the next wipe.
// The server issues the ID, so a rating is tied to a visit the server
// knows about, and one device has at most one open session: starting a
// new one ends the previous. A session also ends by itself after
// sessionMaxAge. Ratings are unique per session ID (rating package), so a
// visit rates once however the page is manipulated; session starts are
// rate limited per device, which bounds ratings per kiosk.
const sessionMaxAge = 2 * time.Hour

// StartSession ends the device's open sessions and starts a new one.
func (a *API) StartSession(ctx context.Context, deviceID int64) (string, error) {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	id := hex.EncodeToString(b)
	now := a.o.Clock.Now()
	err := a.o.DB.Tx(ctx, func(tx *store.Tx) error {
		if _, err := tx.Exec(ctx, "UPDATE kiosk_sessions SET ended_at = ? WHERE device_id = ? AND ended_at IS NULL", now, deviceID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, "INSERT INTO kiosk_sessions (id, device_id, started_at) VALUES (?, ?, ?)", id, deviceID, now)
		return err
	})
	return id, wrap("start a session", err)
}

// EndSession ends a session of the device (unknown ones are ignored).
func (a *API) EndSession(ctx context.Context, deviceID int64, id string) error {
	_, err := a.o.DB.Exec(ctx, "UPDATE kiosk_sessions SET ended_at = ? WHERE id = ? AND device_id = ? AND ended_at IS NULL", a.o.Clock.Now(), id, deviceID)
	return wrap("end a session", err)
}

// SessionOpen reports whether id is an open visit of the device.
func (a *API) SessionOpen(ctx context.Context, deviceID int64, id string) bool {
	return a.checkSession(ctx, deviceID, id) == nil
}

// checkSession refuses a session that is not this device's open one.
func (a *API) checkSession(ctx context.Context, deviceID int64, id string) error {
	if id == "" {
		return web.Invalid("session", web.CodeRequired, "start a session first")
	}
	var n int
	err := a.o.DB.Get(ctx, &n, "SELECT COUNT(*) FROM kiosk_sessions WHERE id = ? AND device_id = ? AND ended_at IS NULL AND started_at > ?",
		id, deviceID, a.o.Clock.Now().Add(-sessionMaxAge))
	if err != nil {
		return wrap("check a session", err)
	}
	if n == 0 {
		return web.State("this visit has ended; start again from the home screen")
	}
	return nil
}
