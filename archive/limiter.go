package archive

import (
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiters are token buckets per kiosk and per client address, in the
// memory of each instance (the lockout after misses is in the database).
type limiters struct {
	mu    sync.Mutex
	m     map[string]*bucket
	swept time.Time
}

type bucket struct {
	lim       *rate.Limiter
	perMinute int
	burst     int
	seen      time.Time
}

// bucketIdle is how long an unused bucket is kept.
const bucketIdle = 10 * time.Minute

func newLimiters() *limiters { return &limiters{m: map[string]*bucket{}} }

// allow takes a token from key's bucket at now, or says how long to wait.
func (l *limiters) allow(key string, perMinute, burst int, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > bucketIdle {
		for k, b := range l.m {
			if now.Sub(b.seen) > bucketIdle {
				delete(l.m, k)
			}
		}
		l.swept = now
	}
	b := l.m[key]
	if b == nil || b.perMinute != perMinute || b.burst != burst {
		b = &bucket{lim: rate.NewLimiter(rate.Limit(float64(perMinute)/60), burst), perMinute: perMinute, burst: burst}
		l.m[key] = b
	}
	b.seen = now
	if b.lim.AllowN(now, 1) {
		return true, 0
	}
	return false, time.Duration(math.Ceil(60/float64(perMinute))) * time.Second
}
