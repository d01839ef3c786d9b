package archive

import (
	"context"
	"sync"

	"github.com/hallcast/hallcast/store"
)

// datasetCache keeps the datasets that lookups need in memory. Any change
// event (from this or another instance) empties it.
type datasetCache struct {
	s   *Service
	sub *store.Subscription
	mu  sync.RWMutex
	m   map[int64]*Dataset
	all []*Dataset // nil until listed
	gen uint64     // counts invalidations, so a racing read is not cached
}

func newDatasetCache(s *Service) *datasetCache {
	c := &datasetCache{s: s, m: map[int64]*Dataset{}, sub: s.db.Bus().Subscribe(Topic)}
	go func() {
		for range c.sub.C {
			c.mu.Lock()
			c.m, c.all = map[int64]*Dataset{}, nil
			c.gen++
			c.mu.Unlock()
		}
	}()
	return c
}

func (c *datasetCache) close() { c.sub.Close() }

// get returns a dataset that is not deleted, or a web.NotFound error.
func (c *datasetCache) get(ctx context.Context, id int64) (*Dataset, error) {
	c.mu.RLock()
	d, ok := c.m[id]
	gen := c.gen
	c.mu.RUnlock()
	if ok {
		return d, nil
	}
	d, err := c.s.Dataset(ctx, id)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.gen == gen {
		c.m[id] = d
	}
	c.mu.Unlock()
	return d, nil
}

// list returns every dataset.
func (c *datasetCache) list(ctx context.Context) ([]*Dataset, error) {
	c.mu.RLock()
	all := c.all
	gen := c.gen
	c.mu.RUnlock()
	if all != nil {
		return all, nil
	}
	all, err := c.s.Datasets(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.gen == gen {
		c.all = all
	}
	c.mu.Unlock()
	return all, nil
}
