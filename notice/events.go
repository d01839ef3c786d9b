package notice

import (
	"encoding/json"
	"slices"

	"github.com/hallcast/hallcast/store"
)

// Topic is the change-bus topic of notices.
const Topic = "notice"

// Change events, in EventData.Event.
const (
	EventPublished = "published" // a notice went live
	EventUpdated   = "updated"   // a live notice was replaced by a newer version
	EventExpired   = "expired"   // a notice left the rotation (stays in the archive)
	EventWithdrawn = "withdrawn" // an admin withdrew a live notice
)

// EventData is the Data of a store.Event{Topic: "notice", ID: noticeID}.
// Screens reload the notice when All is set or they belong to one of
// Groups (the union of the old and new targets, so that a screen dropped
// from the targets also reloads).
type EventData struct {
	Event      string  `json:"event"`
	Groups     []int64 `json:"groups"`
	All        bool    `json:"all"`
	CategoryID int64   `json:"category_id"`
	Kind       Kind    `json:"kind"`
	VersionID  int64   `json:"version_id"`
}

// publishEvent queues the event of v (and of the version it replaces,
// for the targets) on tx.
func publishEvent(tx *store.Tx, event string, v, old *Version) {
	d := EventData{Event: event, Groups: append([]int64{}, v.Groups...), All: v.AllScreens, CategoryID: v.CategoryID,
		Kind: v.Kind, VersionID: v.ID}
	if old != nil {
		d.All = d.All || old.AllScreens
		for _, g := range old.Groups {
			if !slices.Contains(d.Groups, g) {
				d.Groups = append(d.Groups, g)
			}
		}
		slices.Sort(d.Groups)
	}
	if len(d.Groups) > 500 { // keep NOTIFY payloads small: screens reload all
		d.Groups, d.All = []int64{}, true
	}
	b, _ := json.Marshal(d)
	tx.Publish(store.Event{Topic: Topic, ID: v.NoticeID, Data: b})
}
