package display

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
)

// Frame is the data of a "playlist" message (docs/protocol.md).
type Frame struct {
	// Version is a hash of Playlist, Power and Items: equal versions mean
	// identical content.
	Version string `json:"version"`
	// ValidUntil is the next instant at which what plays may change.
	ValidUntil time.Time   `json:"valid_until"`
	Playlist   PlaylistRef `json:"playlist"`
	Power      PowerState  `json:"power"`
	Items      []FrameItem `json:"items"`
}

// PlaylistRef names the playlist a frame comes from; ID 0 is the default
// rotation (every targeted notice and a clock) when no schedule applies.
type PlaylistRef struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	ScheduleID int64  `json:"schedule_id,omitempty"`
}

// DefaultName is the name of the default rotation.
const DefaultName = "默认轮播"

// FrameItem is one item of a frame.
type FrameItem struct {
	Key       string         `json:"key"`
	Type      ItemType       `json:"type"`
	DurationS int            `json:"duration_s"`
	Notice    *FrameNotice   `json:"notice,omitempty"`
	Text      string         `json:"text,omitempty"`
	Stats     map[string]any `json:"stats,omitempty"`
	// Start and End are the instants the item is on air between, for a
	// screen to keep to them without the server (after an offline reload
	// too): Start is a notice's publication; End the earlier of its
	// expiry (or 公示 end) and the end of the daypart (schedule) it plays
	// in. Omitted when open-ended.
	Start *time.Time `json:"start,omitempty"`
	End   *time.Time `json:"end,omitempty"`
}

// FrameNotice is a notice as screens show it: every text masked (R6).
type FrameNotice struct {
	ID           int64     `json:"id"`
	Title        string    `json:"title"`
	Text         string    `json:"text"`
	HTML         string    `json:"html"`
	LEDText      string    `json:"led_text"`
	Kind         string    `json:"kind"`
	KindLabel    string    `json:"kind_label"`
	Category     string    `json:"category"`
	IndexNo      string    `json:"index_no"`
	PublishedAt  time.Time `json:"published_at"`
	NoticeEnd    *string   `json:"notice_end"`
	WorkdaysLeft *int      `json:"workdays_left"`
	DaysLeft     *int      `json:"days_left"`
	// EndProvisional says NoticeEnd or WorkdaysLeft rely on a year without
	// the State Council's holiday list (shown as 预计).
	EndProvisional bool `json:"notice_end_provisional,omitempty"`
}

// Frame resolves what a screen in groups with profile p plays at at.
func (sn *Snapshot) Frame(p Profile, groups []int64, at time.Time) Frame {
	m := sn.moment(at)
	sc, next := sn.schedule(groups, m)
	power, pnext := sn.power(groups, at)
	if !pnext.IsZero() && pnext.Before(next) {
		next = pnext
	}
	ref := PlaylistRef{Name: DefaultName}
	items := []Item{{Type: ItemNotices}, {Type: ItemClock}}
	if sc != nil {
		if pl := sn.playlists[sc.PlaylistID]; pl != nil {
			ref = PlaylistRef{ID: pl.ID, Name: pl.Name, ScheduleID: sc.ID}
			items = pl.Items
		}
	}
	b := builder{sn: sn, profile: p, groups: groups, m: m, next: next, keys: map[string]bool{}, out: []FrameItem{}}
	for i, it := range items {
		b.add(i, it)
	}
	b.bound(sn.daypartEnd(groups, at, sc))
	f := Frame{ValidUntil: b.next.UTC(), Playlist: ref, Power: power, Items: b.out}
	f.Version = version(f)
	return f
}

// version hashes everything in f but the version and valid_until.
func version(f Frame) string {
	b, _ := json.Marshal(struct {
		P PlaylistRef
		W PowerState
		I []FrameItem
	}{f.Playlist, f.Power, f.Items})
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:12])
}
