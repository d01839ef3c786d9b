package site

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"

	"github.com/hallcast/hallcast/store"
)

// cache keeps rendered pages that are the same for everyone (notice
// pages, lists, feeds, print layouts, QR codes), so that a busy notice
// costs a map look-up. Keys carry what the page depends on besides the
// content (the day, the large-text mode, the query); the content is
// followed through the change bus: Changed empties the cache on any
// change of notices (after the search index took it in), the catalogue,
// the calendar or the settings. At most max entries are kept; when full,
// the cache starts again empty.
type cache struct {
	mu  sync.RWMutex
	max int
	m   map[string]*entry
	// at is when the content last changed, as far as this instance
	// knows (its start, then each change): the Last-Modified of what it
	// renders.
	at time.Time
}

// entry is one rendered response.
type entry struct {
	body     []byte
	etag     string
	ctype    string
	modified time.Time
}

func newCache(max int, now time.Time) *cache {
	return &cache{max: max, m: map[string]*entry{}, at: now.UTC().Truncate(time.Second)}
}

func (c *cache) get(key string) *entry {
	c.mu.RLock()
	e := c.m[key]
	c.mu.RUnlock()
	return e
}

// put stores body under key and returns the entry.
func (c *cache) put(key, ctype string, body []byte) *entry {
	e := newEntry(ctype, body)
	c.mu.Lock()
	e.modified = c.at
	if c.max <= 0 {
		c.mu.Unlock()
		return e
	}
	if len(c.m) >= c.max {
		c.m = map[string]*entry{}
	}
	c.m[key] = e
	c.mu.Unlock()
	return e
}

// clear drops every entry: the content changed at now.
func (c *cache) clear(now time.Time) {
	c.mu.Lock()
	c.m = map[string]*entry{}
	if now = now.UTC().Truncate(time.Second); now.After(c.at) {
		c.at = now
	}
	c.mu.Unlock()
}

// changed is when the content last changed.
func (c *cache) changed() time.Time {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.at
}

// newEntry makes an entry whose ETag is a hash of its body: the same
// content has the same ETag on every instance.
func newEntry(ctype string, body []byte) *entry {
	sum := sha256.Sum256(body)
	return &entry{body: body, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}
}

// SetCacheSize sets how many responses the site keeps (default 4096);
// 0 keeps none, so that every request renders its page (benchmarks
// measure both).
func (s *Site) SetCacheSize(n int) {
	s.cache.mu.Lock()
	s.cache.max, s.cache.m = n, map[string]*entry{}
	s.cache.mu.Unlock()
}

// Changed takes a change event in: every cached page may show what
// changed, so all are dropped. The server calls it for notice and
// catalogue events once the search index reflects them, and the site
// follows calendar and settings events itself (Follow).
func (s *Site) Changed(store.Event) { s.cache.clear(s.o.Clock.Now()) }

// Follow empties the cache on every event of sub until it is closed.
func (s *Site) Follow(sub *store.Subscription) {
	for ev := range sub.C {
		s.Changed(ev)
	}
}
