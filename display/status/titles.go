package status

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Titles gives the titles of notices (the notice package's read API,
// adapted by the server), so the report can name what a screen plays.
type Titles interface {
	Titles(ctx context.Context, ids []int64) (map[int64]string, error)
}

// titleTTL is how long a looked-up title is reused: the status page
// refreshes every few seconds and a title rarely changes.
const titleTTL = time.Minute

// titleCache remembers notice titles for titleTTL.
type titleCache struct {
	mu      sync.Mutex
	titles  map[int64]string
	fetched time.Time
}

// noticeOf returns the notice ID of an item key ("n42", "w-countdown-42").
func noticeOf(key string) int64 {
	for _, p := range []string{"n", "w-countdown-"} {
		if rest, ok := strings.CutPrefix(key, p); ok {
			if id, err := strconv.ParseInt(rest, 10, 64); err == nil && id > 0 {
				return id
			}
		}
	}
	return 0
}

// nameItems fills ItemTitle of the screens playing a notice. A failure
// only leaves titles out.
func (t *Tracker) nameItems(ctx context.Context, rep *Report) {
	if t.opts.Titles == nil {
		return
	}
	c := &t.titles
	c.mu.Lock()
	defer c.mu.Unlock()
	now := t.opts.Clock.Now()
	if c.titles == nil || now.Sub(c.fetched) > titleTTL || now.Before(c.fetched) {
		c.titles, c.fetched = map[int64]string{}, now
	}
	var missing []int64
	seen := map[int64]bool{}
	for _, s := range rep.Screens {
		if id := noticeOf(s.Item); id != 0 && !seen[id] {
			seen[id] = true
			if _, ok := c.titles[id]; !ok {
				missing = append(missing, id)
			}
		}
	}
	if len(missing) > 0 {
		got, err := t.opts.Titles.Titles(ctx, missing)
		if err != nil {
			t.opts.Logger.Warn("status: reading notice titles", "err", err)
			return
		}
		for _, id := range missing {
			c.titles[id] = got[id] // "" for a notice that is gone
		}
	}
	for i := range rep.Screens {
		if id := noticeOf(rep.Screens[i].Item); id != 0 {
			rep.Screens[i].ItemTitle = c.titles[id]
		}
	}
}
