package feed

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/scheduler"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/web"
)

// Input is what an admin sets on a source.
type Input struct {
	Name       string `json:"name"`
	URL        string `json:"url"`
	Spec       string `json:"spec"`
	CategoryID *int64 `json:"category_id"`
	Kind       string `json:"kind"`
	Trusted    bool   `json:"trusted"`
	Enabled    bool   `json:"enabled"`
}

func (in *Input) check() error {
	var c web.Check
	in.Name = c.Text("name", in.Name, 100)
	in.URL = strings.TrimSpace(in.URL)
	u, err := url.Parse(in.URL)
	c.That(err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "", "url", web.CodeInvalid, "want an http:// or https:// URL")
	c.MaxRunes("url", in.URL, 1000)
	if _, err := scheduler.Parse(in.Spec); err != nil {
		c.Add(web.Invalid("spec", web.CodeInvalid, "%v", err))
	}
	c.That(in.CategoryID == nil || *in.CategoryID > 0, "category_id", web.CodeInvalid, "want a category")
	c.MaxRunes("kind", in.Kind, 20)
	return c.Err()
}

func (s *Service) checkInput(ctx context.Context, who audit.Actor, in *Input) error {
	if err := in.check(); err != nil {
		return err
	}
	if in.Trusted && who.ID == 0 {
		return web.Invalid("trusted", web.CodeInvalid, "only an admin logged in to the web UI can trust a source")
	}
	if s.opts.CheckTarget != nil {
		return s.opts.CheckTarget(ctx, in.CategoryID, in.Kind)
	}
	return nil
}

// trustedBy is who answers for direct publication: kept while the source
// stays trusted, set to who when it becomes trusted, cleared otherwise.
func trustedBy(before *Source, who audit.Actor, trusted bool) *int64 {
	switch {
	case !trusted:
		return nil
	case before != nil && before.Trusted && before.TrustedBy != nil:
		return before.TrustedBy
	default:
		return &who.ID
	}
}

// decisive lists the settings of in that differ from before and decide
// what the source brings: where its items come from (url; the format,
// RSS, Atom or JSON, is read from what that URL serves) and what they
// become (category_id, kind). A source has no other filter.
func decisive(before *Source, in Input) []string {
	var out []string
	if in.URL != before.URL {
		out = append(out, "url")
	}
	if (in.CategoryID == nil) != (before.CategoryID == nil) || (in.CategoryID != nil && *in.CategoryID != *before.CategoryID) {
		out = append(out, "category_id")
	}
	if in.Kind != before.Kind {
		out = append(out, "kind")
	}
	return out
}

// Create adds a source.
func (s *Service) Create(ctx context.Context, who audit.Actor, in Input) (*Source, error) {
	if err := s.checkInput(ctx, who, &in); err != nil {
		return nil, err
	}
	var src *Source
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		now := s.opts.Clock.Now()
		var id int64
		if err := tx.Get(ctx, &id, `INSERT INTO feed_sources (name, url, spec, category_id, kind, trusted, trusted_by, enabled, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, in.Name, in.URL, in.Spec, in.CategoryID, in.Kind, in.Trusted,
			trustedBy(nil, who, in.Trusted), in.Enabled, now, now); err != nil {
			return err
		}
		var err error
		if src, err = s.get(ctx, tx, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "feed.create", ObjectType: "feed", ObjectID: id, After: src})
	})
	return src, wrap("create a source", err)
}

// Update changes a source.
func (s *Service) Update(ctx context.Context, who audit.Actor, id int64, in Input) (*Source, error) {
	if err := s.checkInput(ctx, who, &in); err != nil {
		return nil, err
	}
	var after *Source
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.get(ctx, tx, id)
		if err != nil {
			return err
		}
		now := s.opts.Clock.Now()
		// A trusted source whose URL, category or kind changes loses its
		// trust, whatever the input says: the admin who trusted it
		// answered for what it brought then. Trusting it again is a
		// request of its own (issue 15, point 7).
		changed, trusted := decisive(before, in), in.Trusted
		dropped := before.Trusted && len(changed) > 0
		if dropped {
			trusted = false
		}
		etag, lastModified := before.ETag, before.LastModified
		if in.URL != before.URL {
			etag, lastModified = "", ""
		}
		if _, err := tx.Exec(ctx, `UPDATE feed_sources SET name = ?, url = ?, spec = ?, category_id = ?, kind = ?, trusted = ?, trusted_by = ?,
			enabled = ?, etag = ?, last_modified = ?, updated_at = ? WHERE id = ?`, in.Name, in.URL, in.Spec, in.CategoryID, in.Kind, trusted,
			trustedBy(before, who, trusted), in.Enabled, etag, lastModified, now, id); err != nil {
			return err
		}
		if after, err = s.get(ctx, tx, id); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "feed.update", ObjectType: "feed", ObjectID: id, Before: before, After: after}); err != nil {
			return err
		}
		if !dropped {
			return nil
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: now, Action: "feed.untrust", ObjectType: "feed", ObjectID: id,
			Before: map[string]any{"trusted": true, "trusted_by": before.TrustedBy},
			After:  map[string]any{"trusted": false, "changed": changed, "reason": "what the source brings changed; its items need review until an admin trusts it again"}})
	})
	return after, wrap("update a source", err)
}

// Delete removes a source and its seen-item list (the notices stay).
func (s *Service) Delete(ctx context.Context, who audit.Actor, id int64) error {
	err := s.db.Tx(ctx, func(tx *store.Tx) error {
		before, err := s.get(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM feed_items WHERE source_id = ?", id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM feed_sources WHERE id = ?", id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Entry{At: s.opts.Clock.Now(), Action: "feed.delete", ObjectType: "feed", ObjectID: id, Before: before})
	})
	return wrap("delete a source", err)
}

// Get returns one source.
func (s *Service) Get(ctx context.Context, id int64) (*Source, error) { return s.get(ctx, s.db, id) }

func (s *Service) get(ctx context.Context, q store.Querier, id int64) (*Source, error) {
	var src Source
	if err := q.Get(ctx, &src, "SELECT "+sourceColumns+" FROM feed_sources WHERE id = ?", id); err != nil {
		if store.IsNotFound(err) {
			return nil, web.NotFound("feed source")
		}
		return nil, err
	}
	return &src, nil
}

// List returns every source by name.
func (s *Service) List(ctx context.Context) ([]Source, error) {
	out := []Source{}
	if err := s.db.Select(ctx, &out, "SELECT "+sourceColumns+" FROM feed_sources ORDER BY name"); err != nil {
		return nil, wrap("list sources", err)
	}
	return out, nil
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var we *web.Error
	if errors.As(err, &we) {
		return err
	}
	return fmt.Errorf("feed: unable to %s: %w", what, err)
}
