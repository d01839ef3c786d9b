package display

import (
	"time"

	"github.com/hallcast/hallcast/notice"
)

// daypartEnd returns the instant the schedule sc (nil: the default
// rotation) stops being the one that plays for a screen in groups, looking
// up to eight days ahead; nil when it goes on longer.
func (sn *Snapshot) daypartEnd(groups []int64, at time.Time, sc *Schedule) *time.Time {
	t := at
	for i := 0; i < 8*24; i++ {
		cur, next := sn.schedule(groups, sn.moment(t))
		if (cur == nil) != (sc == nil) || (cur != nil && cur.ID != sc.ID) {
			u := t.UTC()
			return &u
		}
		if !next.After(t) {
			return nil
		}
		t = next
	}
	return nil
}

// onAir sets a notice item's start (its publication) and end (its expiry,
// which is also the end of its 公示 period).
func onAir(it *FrameItem, n *notice.PublicNotice) {
	if !n.PublishedAt.IsZero() {
		s := n.PublishedAt.UTC()
		it.Start = &s
	}
	if n.ExpireAt != nil {
		e := n.ExpireAt.UTC()
		it.End = &e
	}
}

// bound ends every item at the end of the daypart, if it comes first.
func (b *builder) bound(end *time.Time) {
	if end == nil {
		return
	}
	for i := range b.out {
		if it := &b.out[i]; it.End == nil || end.Before(*it.End) {
			e := *end
			it.End = &e
		}
	}
}
