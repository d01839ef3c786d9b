package device

import (
	"sync"
	"time"

	"github.com/hallcast/hallcast/store"
)

// tokenTTL bounds how long a cached device is trusted without a change
// event. Events empty the cache at once (revocations in this instance
// before Revoke returns, other instances' through the change bus); the
// TTL only covers an event that never arrived.
const tokenTTL = time.Minute

// tokenCache keeps the active devices of recently presented tokens, keyed
// by token hash, so that a kiosk or screen request does not read the
// devices table. Unknown tokens are not cached: the table is read again
// for them, and the public rate limits bound how often.
type tokenCache struct {
	mu  sync.RWMutex
	m   map[string]cachedDevice
	gen uint64 // counts resets, so a read that raced a reset is not cached
}

type cachedDevice struct {
	d  Device
	at time.Time
}

func newTokenCache() *tokenCache { return &tokenCache{m: map[string]cachedDevice{}} }

// get returns a copy of the cached device and the generation to hand to
// put when there is none.
func (c *tokenCache) get(hash string, now time.Time) (*Device, uint64) {
	c.mu.RLock()
	e, ok := c.m[hash]
	gen := c.gen
	c.mu.RUnlock()
	if !ok || now.Sub(e.at) >= tokenTTL || now.Before(e.at) {
		return nil, gen
	}
	d := e.d
	return &d, gen
}

// put caches d unless the cache was reset since gen was read.
func (c *tokenCache) put(hash string, d Device, gen uint64, now time.Time) {
	c.mu.Lock()
	if c.gen == gen {
		c.m[hash] = cachedDevice{d: d, at: now}
	}
	c.mu.Unlock()
}

func (c *tokenCache) reset() {
	c.mu.Lock()
	c.m = map[string]cachedDevice{}
	c.gen++
	c.mu.Unlock()
}

// follow empties the cache on every device event and resync until sub is
// closed.
func (c *tokenCache) follow(sub *store.Subscription) {
	for range sub.C {
		c.reset()
	}
}
