package search

import (
	"context"
	"time"

	"github.com/hallcast/hallcast/store"
)

// Topic is the change-bus topic of notice events. The notice work
// publishes store.Event{Topic: "notice", ID: id, Data: {"event": ...}}
// whenever a notice is published, updated, expires or is withdrawn.
const Topic = "notice"

// Source is where the searchable notices come from (the notice service,
// through an adapter in server). Only published and expired notices are
// searchable; everything else is nil / skipped.
type Source interface {
	// SearchDoc returns the notice as a document, or nil when it is not
	// (or no longer) public.
	SearchDoc(ctx context.Context, id int64) (*Doc, error)
	// SearchDocs calls fn with every public notice.
	SearchDocs(ctx context.Context, fn func(Doc) error) error
}

// Refresh re-reads one notice from src and indexes or removes it.
func (s *Service) Refresh(ctx context.Context, src Source, id int64) error {
	d, err := src.SearchDoc(ctx, id)
	if err != nil {
		return wrap("read notice for the index", err)
	}
	if d == nil {
		return s.Delete(ctx, id)
	}
	return s.Put(ctx, *d)
}

// Rebuild makes the index match src: it indexes every public notice
// whose copy is missing or older, and removes copies of notices that are
// no longer public. It returns how many documents it changed.
func (s *Service) Rebuild(ctx context.Context, src Source) (int, error) {
	var rows []struct {
		ID        int64     `db:"id"`
		UpdatedAt time.Time `db:"updated_at"`
	}
	if err := s.db.Select(ctx, &rows, "SELECT id, updated_at FROM search_docs"); err != nil {
		return 0, wrap("rebuild", err)
	}
	have := make(map[int64]time.Time, len(rows))
	for _, r := range rows {
		have[r.ID] = r.UpdatedAt
	}
	changed := 0
	var batch []Doc
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := s.PutMany(ctx, batch)
		changed += len(batch)
		batch = batch[:0]
		return err
	}
	err := src.SearchDocs(ctx, func(d Doc) error {
		at, ok := have[d.ID]
		delete(have, d.ID)
		if ok && at.Equal(d.UpdatedAt.UTC().Truncate(time.Microsecond)) {
			return nil
		}
		batch = append(batch, d)
		if len(batch) >= 500 {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return changed, wrap("rebuild", err)
	}
	for id := range have {
		if err := s.Delete(ctx, id); err != nil {
			return changed, err
		}
		changed++
	}
	return changed, nil
}

// Follow keeps the index in sync with src from change events until sub
// is closed: a notice event refreshes that notice, a resync rebuilds.
// Events of other topics pass through untouched. then, if not nil, is
// called with every event once the index reflects it, so that whoever
// tells screens "content changed" never races the index.
func (s *Service) Follow(ctx context.Context, src Source, sub *store.Subscription, then func(store.Event)) {
	for ev := range sub.C {
		var err error
		switch ev.Topic {
		case store.TopicResync:
			_, err = s.Rebuild(ctx, src)
		case Topic:
			// Whatever happened (published, updated, expired,
			// withdrawn), the source says what is public now.
			err = s.Refresh(ctx, src, ev.ID)
		}
		if err != nil {
			s.log.Error("search: keeping the index in sync", "topic", ev.Topic, "id", ev.ID, "err", err)
		}
		if then != nil {
			then(ev)
		}
	}
}
