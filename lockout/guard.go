package lockout

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
)

// Options configure a Guard.
type Options struct {
	DB     *store.DB
	Clock  clock.Clock
	Logger *slog.Logger
	// Every is how often the misses are written and the other
	// instances' read (default a quarter of a second).
	Every time.Duration
}

// Guard counts the misses of guarded lookups for one instance (see the
// package documentation). Close it to write what waits.
type Guard struct {
	db     *store.DB
	clock  clock.Clock
	log    *slog.Logger
	origin string
	every  time.Duration

	// flushMu serialises flushes, syncs and unlocks.
	flushMu sync.Mutex
	lastSeq int64      // the highest sequence value read from the database
	pruned  time.Time  // wall clock of the last prune
	upsert  *sqlx.Stmt // prepared by the first large flush

	mu      sync.Mutex
	entries map[string]*entry
	rules   map[string]Rule // the latest rule seen per kind

	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// entry is this instance's view of one scope: the state last read from or
// written to the database (base, at seq) and the misses of this instance
// not written yet (pending), applied on top (st).
type entry struct {
	kind, name string
	base       State
	seq        int64
	pending    []miss
	st         State
}

type miss struct {
	at   time.Time
	rule Rule
}

// New returns a Guard that has read the shared counts, and starts its
// background work.
func New(ctx context.Context, o Options) *Guard {
	if o.Clock == nil {
		o.Clock = clock.System{}
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Every <= 0 {
		o.Every = 250 * time.Millisecond
	}
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	g := &Guard{db: o.DB, clock: o.Clock, log: o.Logger, origin: hex.EncodeToString(b), every: o.Every,
		entries: map[string]*entry{}, rules: map[string]Rule{}, stop: make(chan struct{}), done: make(chan struct{})}
	if err := g.Sync(ctx); err != nil {
		g.log.Error("lockout: unable to read the shared counts; retrying in the background", "err", err)
	}
	go g.loop()
	return g
}

// Close writes the misses still waiting and stops the background work.
func (g *Guard) Close() {
	g.once.Do(func() {
		close(g.stop)
		<-g.done
		if err := g.Flush(context.Background()); err != nil {
			g.log.Error("lockout: unable to write the last misses; they are lost", "err", err)
		}
		if g.upsert != nil {
			g.upsert.Close()
		}
	})
}

func (g *Guard) loop() {
	defer close(g.done)
	tick := time.NewTicker(g.every)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
		case <-g.stop:
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		if err := g.Flush(ctx); err != nil {
			g.log.Error("lockout: unable to write misses; they stay in memory for the next try", "err", err)
		}
		if err := g.Sync(ctx); err != nil {
			g.log.Warn("lockout: unable to read other instances' misses", "err", err)
		}
		if time.Since(g.pruned) > time.Minute {
			g.pruned = time.Now()
			if err := g.prune(ctx); err != nil {
				g.log.Warn("lockout: unable to delete expired counts", "err", err)
			}
		}
		cancel()
	}
}
