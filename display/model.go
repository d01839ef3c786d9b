package display

import (
	"time"
)

// GroupKind is what a screen group stands for.
type GroupKind string

// The group kinds.
const (
	GroupHall  GroupKind = "hall"  // a service hall
	GroupFloor GroupKind = "floor" // a floor
	GroupPlace GroupKind = "place" // a spot: a lift lobby, a window row
)

// Group is a named set of screens that notices and schedules target.
type Group struct {
	ID        int64     `db:"id" json:"id"`
	Name      string    `db:"name" json:"name"`
	Kind      GroupKind `db:"kind" json:"kind"`
	Screens   int       `db:"screens" json:"screens"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
	UpdatedAt time.Time `db:"updated_at" json:"updated_at"`
}

// GroupRef names a group in a screen's hello and lists.
type GroupRef struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// ProfileKind is the kind of a screen.
type ProfileKind string

// The screen kinds.
const (
	KindLEDStrip  ProfileKind = "led_strip"
	KindLEDWall   ProfileKind = "led_wall"
	KindLandscape ProfileKind = "landscape"
	KindPortrait  ProfileKind = "portrait"
)

// Profile is what a screen can show (docs/protocol.md, "Profiles").
type Profile struct {
	Kind           ProfileKind `db:"kind" json:"kind"`
	Width          int         `db:"width" json:"width"`
	Height         int         `db:"height" json:"height"`
	Lines          int         `db:"lines" json:"lines"`
	Colors         string      `db:"colors" json:"colors"`
	GlyphPx        int         `db:"glyph_px" json:"glyph_px"`
	CharsPerSecond int         `db:"chars_per_second" json:"chars_per_second"`
}

// Screen is a paired screen device with its profile and groups.
type Screen struct {
	DeviceID   int64      `json:"device_id"`
	Name       string     `json:"name"`
	Profile    Profile    `json:"profile"`
	Groups     []GroupRef `json:"groups"`
	ClaimedAt  *time.Time `json:"claimed_at"`
	LastSeenAt *time.Time `json:"last_seen_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
	CreatedAt  time.Time  `json:"created_at"`
}

// GroupIDs returns the IDs of the screen's groups.
func (s *Screen) GroupIDs() []int64 {
	out := make([]int64, len(s.Groups))
	for i, g := range s.Groups {
		out[i] = g.ID
	}
	return out
}

// ScreenRef identifies a screen for broadcasters (the emergency package).
type ScreenRef struct {
	DeviceID int64   `json:"device_id"`
	Name     string  `json:"name"`
	Groups   []int64 `json:"groups"`
}

// ItemType is the type of a playlist item.
type ItemType string

// The playlist item types.
const (
	// ItemNotices expands to every published notice targeted at the
	// screen (all screens or one of its groups), optionally filtered by
	// category (with its sub-categories) and kind.
	ItemNotices ItemType = "notices"
	// ItemNotice is one notice, shown while it is published, whatever its
	// targets (the admin chose it for this playlist).
	ItemNotice    ItemType = "notice"
	ItemClock     ItemType = "clock"
	ItemCountdown ItemType = "countdown" // 公示 countdowns: one notice, or every targeted notice with a period
	ItemTicker    ItemType = "ticker"    // a text
	ItemStats     ItemType = "stats"     // hall statistics
)

// Item is one entry of a playlist. DurationS nil means automatic.
type Item struct {
	Type       ItemType `json:"type"`
	NoticeID   *int64   `json:"notice_id,omitempty"`
	CategoryID *int64   `json:"category_id,omitempty"`
	NoticeKind string   `json:"notice_kind,omitempty"`
	Text       string   `json:"text,omitempty"`
	DurationS  *int     `json:"duration_s,omitempty"`
}

// Playlist is an ordered list of items that schedules put on screens.
type Playlist struct {
	ID        int64     `db:"id" json:"id"`
	Name      string    `db:"name" json:"name"`
	Items     []Item    `db:"-" json:"items"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
	UpdatedAt time.Time `db:"updated_at" json:"updated_at"`
}

// Schedule puts a playlist on a group (or all screens when GroupID is
// nil) on some weekdays between two times of day, optionally between two
// dates. The highest priority that applies wins; on a tie a group's
// schedule beats an all-screens one, then the newest wins.
type Schedule struct {
	ID         int64     `db:"id" json:"id"`
	PlaylistID int64     `db:"playlist_id" json:"playlist_id"`
	GroupID    *int64    `db:"group_id" json:"group_id"`
	Weekdays   Weekdays  `db:"weekdays" json:"weekdays"`
	Start      Minute    `db:"start_minute" json:"start"`
	End        Minute    `db:"end_minute" json:"end"`
	StartDate  *string   `db:"start_date" json:"start_date"`
	EndDate    *string   `db:"end_date" json:"end_date"`
	Priority   int       `db:"priority" json:"priority"`
	CreatedAt  time.Time `db:"created_at" json:"created_at"`
	UpdatedAt  time.Time `db:"updated_at" json:"updated_at"`
}

// Standby is how a screen looks while off.
type Standby string

// The standby looks.
const (
	StandbyBlack    Standby = "black"
	StandbyDimClock Standby = "dim_clock"
)

// PowerSchedule switches the screens of a group (or all when GroupID is
// nil) on between On and Off on its weekdays. A screen that some power
// schedule applies to is in standby whenever none of them has it on; a
// screen without any is always on.
type PowerSchedule struct {
	ID        int64     `db:"id" json:"id"`
	GroupID   *int64    `db:"group_id" json:"group_id"`
	Weekdays  Weekdays  `db:"weekdays" json:"weekdays"`
	On        Minute    `db:"on_minute" json:"on"`
	Off       Minute    `db:"off_minute" json:"off"`
	Standby   Standby   `db:"standby" json:"standby"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
	UpdatedAt time.Time `db:"updated_at" json:"updated_at"`
}
