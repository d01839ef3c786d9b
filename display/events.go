package display

import (
	"encoding/json"

	"github.com/hallcast/hallcast/store"
)

// What a display event is about, in EventData.What.
const (
	WhatGroup    = "group"
	WhatScreen   = "screen"
	WhatPlaylist = "playlist"
	WhatSchedule = "schedule"
	WhatPower    = "power"
)

// EventData is the Data of a store.Event{Topic: "display"}.
type EventData struct {
	What  string `json:"what"`
	Event string `json:"event"` // created, updated, deleted
}

// publish queues a display event on tx; it goes out after the commit.
func publish(tx *store.Tx, what, event string, id int64) {
	b, _ := json.Marshal(EventData{What: what, Event: event})
	tx.Publish(store.Event{Topic: Topic, ID: id, Data: b})
}
