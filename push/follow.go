package push

import (
	"encoding/json"

	"github.com/hallcast/hallcast/device"
	"github.com/hallcast/hallcast/store"
)

// FollowDevices closes the connections of devices revoked on any instance.
// It returns when the subscription ends.
func (h *Hub) FollowDevices(sub *store.Subscription) {
	for ev := range sub.C {
		if ev.Topic != device.Topic {
			continue
		}
		var d struct{ Event string }
		_ = json.Unmarshal(ev.Data, &d)
		if d.Event == "revoked" {
			h.Kick(ev.ID, CloseUnauthorized, "revoked")
		}
	}
}
