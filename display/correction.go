package display

import (
	"encoding/json"
	"reflect"
)

// NoticeUpdate is the data of a "notice" message: a notice already in the
// screen's playlist changed in place.
type NoticeUpdate struct {
	Notice *FrameNotice `json:"notice"`
}

// corrections returns the notices that changed between two frames that
// are otherwise identical (same playlist, power and items, in the same
// order, with the same durations), or nil when the frames differ in
// anything else: then the screen needs the whole new playlist.
func corrections(old, cur *Frame) []*FrameNotice {
	if old == nil || old.Playlist != cur.Playlist || !reflect.DeepEqual(old.Power, cur.Power) || len(old.Items) != len(cur.Items) {
		return nil
	}
	var out []*FrameNotice
	seen := map[int64]bool{}
	for i := range cur.Items {
		a, b := old.Items[i], cur.Items[i]
		if a.Key != b.Key || a.Type != b.Type || a.DurationS != b.DurationS || a.Text != b.Text || !sameJSON(a.Stats, b.Stats) ||
			(a.Notice == nil) != (b.Notice == nil) {
			return nil
		}
		if b.Notice != nil && !sameJSON(a.Notice, b.Notice) && !seen[b.Notice.ID] {
			seen[b.Notice.ID] = true
			out = append(out, b.Notice)
		}
	}
	return out
}

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
