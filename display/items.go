package display

import (
	"fmt"
	"math"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/notice"
)

// builder expands playlist items into frame items for one screen.
type builder struct {
	sn      *Snapshot
	profile Profile
	groups  []int64
	m       moment
	next    time.Time // the earliest instant the frame may change
	keys    map[string]bool
	out     []FrameItem
}

func (b *builder) push(it FrameItem) {
	if b.keys[it.Key] {
		return
	}
	b.keys[it.Key] = true
	b.out = append(b.out, it)
}

// live reports whether n is still on air at the frame's instant, and
// moves next to its expiry.
func (b *builder) live(n *notice.PublicNotice) bool {
	if n.ExpireAt == nil {
		return true
	}
	if !n.ExpireAt.After(b.m.t) {
		return false
	}
	if n.ExpireAt.Before(b.next) {
		b.next = *n.ExpireAt
	}
	return true
}

// selected returns the live notices targeted at the screen that match an
// item's category and kind filters.
func (b *builder) selected(it Item) []*notice.PublicNotice {
	var out []*notice.PublicNotice
	for i := range b.sn.notices {
		n := &b.sn.notices[i]
		if !n.AllScreens && !intersects(n.Groups, b.groups) {
			continue
		}
		if it.CategoryID != nil && !slices.Contains(b.sn.subtree[*it.CategoryID], n.CategoryID) {
			continue
		}
		if it.NoticeKind != "" && string(n.Kind) != it.NoticeKind {
			continue
		}
		if b.live(n) {
			out = append(out, n)
		}
	}
	return out
}

func (b *builder) byID(id int64) *notice.PublicNotice {
	for i := range b.sn.notices {
		if n := &b.sn.notices[i]; n.ID == id && b.live(n) {
			return n
		}
	}
	return nil
}

func (b *builder) add(pos int, it Item) {
	switch it.Type {
	case ItemNotices:
		for _, n := range b.selected(it) {
			fn := b.notice(n)
			fi := FrameItem{Key: fmt.Sprintf("n%d", n.ID), Type: ItemNotice, Notice: fn, DurationS: b.duration(it, n.Duration, noticeText(b.profile, fn))}
			onAir(&fi, n)
			b.push(fi)
		}
	case ItemNotice:
		if it.NoticeID != nil {
			if n := b.byID(*it.NoticeID); n != nil {
				fn := b.notice(n)
				fi := FrameItem{Key: fmt.Sprintf("n%d", n.ID), Type: ItemNotice, Notice: fn, DurationS: b.duration(it, n.Duration, noticeText(b.profile, fn))}
				onAir(&fi, n)
				b.push(fi)
			}
		}
	case ItemCountdown:
		var ns []*notice.PublicNotice
		if it.NoticeID != nil {
			if n := b.byID(*it.NoticeID); n != nil {
				ns = append(ns, n)
			}
		} else {
			ns = b.selected(it)
		}
		for _, n := range ns {
			if n.EndDate == nil {
				continue
			}
			fn := b.notice(n)
			fi := FrameItem{Key: fmt.Sprintf("w-countdown-%d", n.ID), Type: ItemCountdown, Notice: fn, DurationS: b.duration(it, 10, countdownText(fn))}
			onAir(&fi, n)
			b.push(fi)
		}
	case ItemClock:
		b.push(FrameItem{Key: "w-clock", Type: ItemClock, DurationS: b.duration(it, 10, "")})
	case ItemTicker:
		text := b.sn.mask(it.Text)
		b.push(FrameItem{Key: fmt.Sprintf("w-ticker-%d", pos+1), Type: ItemTicker, Text: text, DurationS: b.duration(it, 0, text)})
	case ItemStats:
		b.push(FrameItem{Key: "w-stats", Type: ItemStats, Stats: b.sn.stats, DurationS: b.duration(it, 10, "")})
		if refresh := b.m.t.Add(StatsRefresh); refresh.Before(b.next) {
			b.next = refresh // the figures move: look again then
		}
	}
}

// notice builds the screen form of n with its 公示 countdown (R7).
func (b *builder) notice(n *notice.PublicNotice) *FrameNotice {
	fn := &FrameNotice{ID: n.ID, Title: n.Title, Text: n.Text, HTML: n.HTML, LEDText: n.LEDText, Kind: string(n.Kind),
		KindLabel: n.KindLabel, Category: n.CategoryName, IndexNo: n.IndexNo, PublishedAt: n.PublishedAt.UTC(), NoticeEnd: n.EndDate}
	if n.EndDate != nil {
		if end, err := calendar.ParseDate(*n.EndDate); err == nil {
			days := b.m.day.DaysUntil(end)
			fn.DaysLeft = &days
			if b.sn.cal != nil {
				if w, err := b.sn.cal.WorkdaysBetween(b.m.day, end); err == nil {
					fn.WorkdaysLeft = &w
					fn.EndProvisional = b.sn.cal.Provisional(calendar.DateOf(n.PublishedAt.In(b.sn.loc)), end)
				}
			}
		}
	}
	return fn
}

// noticeText is the text a screen of profile p scrolls for a notice.
func noticeText(p Profile, n *FrameNotice) string {
	if p.Kind == KindLEDStrip {
		return n.LEDText
	}
	return n.Title
}

func countdownText(n *FrameNotice) string {
	s := n.Title + " 公示期至 " + *n.NoticeEnd
	if n.EndProvisional {
		s += "（预计）"
	}
	if n.WorkdaysLeft != nil {
		s += fmt.Sprintf(" 剩余 %d 个工作日", *n.WorkdaysLeft)
	}
	return s
}

// duration is the item's own duration, else for strips (and tickers) the
// time the marquee needs to scroll text through at chars_per_second, else
// def (clamped to 3..600 seconds).
func (b *builder) duration(it Item, def int, text string) int {
	if it.DurationS != nil {
		return *it.DurationS
	}
	p := b.profile
	if (p.Kind == KindLEDStrip || it.Type == ItemTicker) && text != "" && p.CharsPerSecond > 0 {
		visible := 0
		if p.GlyphPx > 0 {
			visible = p.Width / p.GlyphPx
		}
		def = int(math.Ceil(float64(utf8.RuneCountInString(text)+visible) / float64(p.CharsPerSecond)))
	}
	return min(max(def, 3), 600)
}
