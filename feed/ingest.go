package feed

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
	"github.com/mmcdole/gofeed"
)

// Outcome is what one check of a source did.
type Outcome struct {
	NotModified bool    `json:"not_modified"`
	Items       int     `json:"items"`
	Created     int     `json:"created"`
	NoticeIDs   []int64 `json:"notice_ids,omitempty"`
}

// Check fetches one source now and turns its new items into drafts. A
// failure is recorded on the source and returned.
func (s *Service) Check(ctx context.Context, src *Source) (*Outcome, error) {
	out, f, err := s.check(ctx, src)
	s.record(ctx, src, f, out, err)
	return out, err
}

func (s *Service) check(ctx context.Context, src *Source) (*Outcome, *fetched, error) {
	if s.drafter == nil {
		return nil, nil, fmt.Errorf("feed: notices are not wired")
	}
	f, err := s.fetch(ctx, src)
	if err != nil {
		return nil, nil, err
	}
	out := &Outcome{NotModified: f.notModified}
	if f.notModified {
		return out, f, nil
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(f.body))
	if err != nil {
		return nil, nil, fmt.Errorf("not a valid RSS, Atom or JSON feed: %w", err)
	}
	items := parsed.Items
	// Oldest first, so drafts are created in publication order.
	sort.SliceStable(items, func(i, j int) bool { return published(items[i]).Before(published(items[j])) })
	out.Items = len(items)
	for _, it := range items {
		id, created, err := s.ingest(ctx, src, it)
		if err != nil {
			return out, f, err
		}
		if created {
			out.Created++
			out.NoticeIDs = append(out.NoticeIDs, id)
		}
	}
	return out, f, nil
}

func published(it *gofeed.Item) time.Time {
	if it.PublishedParsed != nil {
		return *it.PublishedParsed
	}
	if it.UpdatedParsed != nil {
		return *it.UpdatedParsed
	}
	return time.Time{}
}

// itemKey identifies an item across fetches: its GUID, else its link, else
// its title and date.
func itemKey(it *gofeed.Item) string {
	k := strings.TrimSpace(it.GUID)
	if k == "" {
		k = strings.TrimSpace(it.Link)
	}
	if k == "" {
		k = strings.TrimSpace(it.Title) + "|" + it.Published
	}
	h := sha256.Sum256([]byte(k))
	return hex.EncodeToString(h[:])
}

// ingest reserves the item, creates its draft, and releases the
// reservation if that fails, so a later check tries again.
func (s *Service) ingest(ctx context.Context, src *Source, it *gofeed.Item) (int64, bool, error) {
	key := itemKey(it)
	now := s.opts.Clock.Now()
	var pub *time.Time
	if p := published(it); !p.IsZero() {
		pub = &p
	}
	res, err := s.db.Exec(ctx, `INSERT INTO feed_items (source_id, key_hash, guid, link, title, published_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, key_hash) DO NOTHING`,
		src.ID, key, clip(it.GUID, 500), clip(it.Link, 1000), clip(it.Title, 500), pub, now)
	if err != nil {
		return 0, false, fmt.Errorf("feed: recording an item: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, false, nil // seen before
	}
	body := it.Content
	if body == "" {
		body = it.Description
	}
	md, err := htmltomarkdown.ConvertString(body)
	if err != nil {
		md = body
	}
	if it.Link != "" {
		md = strings.TrimSpace(md) + "\n\n[原文链接](" + it.Link + ")"
	}
	id, err := s.drafter.CreateFromFeed(ctx, Draft{
		SourceID: src.ID, SourceName: src.Name, Title: strings.TrimSpace(it.Title), Body: md, Link: it.Link,
		Published: pub, CategoryID: src.CategoryID, Kind: src.Kind, Trusted: src.Trusted, TrustedBy: src.TrustedBy,
	})
	if err != nil {
		_, _ = s.db.Exec(context.WithoutCancel(ctx), "DELETE FROM feed_items WHERE source_id = ? AND key_hash = ?", src.ID, key)
		return 0, false, fmt.Errorf("creating a notice from %q: %w", clip(it.Title, 60), err)
	}
	if _, err := s.db.Exec(ctx, "UPDATE feed_items SET notice_id = ? WHERE source_id = ? AND key_hash = ?", id, src.ID, key); err != nil {
		return id, true, fmt.Errorf("feed: linking an item: %w", err)
	}
	return id, true, nil
}

// record stores the result of a check on the source.
func (s *Service) record(ctx context.Context, src *Source, f *fetched, out *Outcome, checkErr error) {
	ctx = context.WithoutCancel(ctx)
	now := s.opts.Clock.Now()
	var err error
	if checkErr != nil {
		_, err = s.db.Exec(ctx, "UPDATE feed_sources SET last_checked_at = ?, last_error = ?, last_error_at = ? WHERE id = ?",
			now, clip(checkErr.Error(), 500), now, src.ID)
	} else {
		// The validators belong to the URL fetched: none if it changed meanwhile.
		_, err = s.db.Exec(ctx, `UPDATE feed_sources SET last_checked_at = ?, last_success_at = ?, last_error = '',
			etag = CASE WHEN url = ? THEN ? ELSE '' END, last_modified = CASE WHEN url = ? THEN ? ELSE '' END,
			items_created = items_created + ? WHERE id = ?`, now, now, src.URL, clip(f.etag, 200), src.URL, clip(f.lastModified, 100), out.Created, src.ID)
	}
	if err != nil {
		s.opts.Logger.Error("feed: recording a check", "source", src.ID, "err", err)
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
