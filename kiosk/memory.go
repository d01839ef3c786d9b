package kiosk

import (
	"context"
	"encoding/json"
	"slices"
	"sync"

	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/store"
)

// MemoryContent is a Content held in memory, for tests and for a server
// without the notice service. Put and Remove publish "notice" events on
// the bus like the notice service, so the search index and the kiosks
// follow. It also is the search.Source of its notices.
type MemoryContent struct {
	bus  *store.Bus
	mu   sync.RWMutex
	cats []Category
	ns   map[int64]Notice
}

// NewMemoryContent returns an empty MemoryContent publishing on bus (nil:
// no events).
func NewMemoryContent(bus *store.Bus) *MemoryContent {
	return &MemoryContent{bus: bus, ns: map[int64]Notice{}}
}

// SetCategories replaces the categories.
func (m *MemoryContent) SetCategories(cats []Category) {
	m.mu.Lock()
	m.cats = append([]Category(nil), cats...)
	m.mu.Unlock()
}

// Put adds or replaces a notice and announces it.
func (m *MemoryContent) Put(ctx context.Context, n Notice) error {
	m.mu.Lock()
	_, existed := m.ns[n.ID]
	m.ns[n.ID] = n
	m.mu.Unlock()
	ev := "published"
	if existed {
		ev = "updated"
	}
	return m.publish(ctx, n.ID, ev)
}

// Remove withdraws a notice and announces it.
func (m *MemoryContent) Remove(ctx context.Context, id int64) error {
	m.mu.Lock()
	delete(m.ns, id)
	m.mu.Unlock()
	return m.publish(ctx, id, "withdrawn")
}

func (m *MemoryContent) publish(ctx context.Context, id int64, event string) error {
	if m.bus == nil {
		return nil
	}
	data, _ := json.Marshal(map[string]string{"event": event})
	return m.bus.Publish(ctx, store.Event{Topic: search.Topic, ID: id, Data: data})
}

// Categories implements Content, with counts.
func (m *MemoryContent) Categories(ctx context.Context) ([]Category, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := append([]Category(nil), m.cats...)
	for i := range out {
		for _, n := range m.ns {
			if n.CategoryID == out[i].ID {
				out[i].Count++
			}
		}
	}
	return out, nil
}

// Notices implements Content.
func (m *MemoryContent) Notices(ctx context.Context, categoryID int64, kind string, page, perPage int) ([]Summary, int, error) {
	m.mu.RLock()
	var all []Summary
	for _, n := range m.ns {
		if (categoryID == 0 || n.CategoryID == categoryID) && (kind == "" || n.Kind == kind) {
			all = append(all, n.Summary)
		}
	}
	m.mu.RUnlock()
	slices.SortFunc(all, func(a, b Summary) int {
		if c := b.PublishedAt.Compare(a.PublishedAt); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
	from := min(max(page-1, 0)*perPage, len(all))
	return all[from:min(from+perPage, len(all))], len(all), nil
}

// Notice implements Content.
func (m *MemoryContent) Notice(ctx context.Context, id int64) (*Notice, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	n, ok := m.ns[id]
	if !ok {
		return nil, nil
	}
	return &n, nil
}

func searchDoc(n Notice) search.Doc {
	return search.Doc{ID: n.ID, Kind: n.Kind, CategoryID: n.CategoryID, Category: n.Category, Title: n.Title,
		IndexNo: n.IndexNo, Body: n.Text, PublishedAt: n.PublishedAt, Status: n.Status, UpdatedAt: n.UpdatedAt}
}

// SearchDoc implements search.Source.
func (m *MemoryContent) SearchDoc(ctx context.Context, id int64) (*search.Doc, error) {
	n, _ := m.Notice(ctx, id)
	if n == nil {
		return nil, nil
	}
	d := searchDoc(*n)
	return &d, nil
}

// SearchDocs implements search.Source.
func (m *MemoryContent) SearchDocs(ctx context.Context, fn func(search.Doc) error) error {
	m.mu.RLock()
	docs := make([]search.Doc, 0, len(m.ns))
	for _, n := range m.ns {
		docs = append(docs, searchDoc(n))
	}
	m.mu.RUnlock()
	for _, d := range docs {
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}
