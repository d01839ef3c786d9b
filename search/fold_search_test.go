package search_test

import (
	"context"
	"io/fs"
	"slices"
	"testing"

	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// Traditional and simplified spellings find each other, in titles and
// text, and the hits are highlighted in the spelling they are written in.
func TestSearchFoldsTraditionalAndSimplified(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := search.New(db, nil)
		ctx := context.Background()
		docs := []search.Doc{
			{ID: 1, Title: "關於做好政務公開工作的通知", Body: "各單位要把政務公開納入日常工作。"},
			{ID: 2, Title: "政务公开目录更新", Body: "本县政务公开目录已于今日更新。"},
			{ID: 3, Title: "县民政局工作动态", Body: "民政局召开会议，部署低保工作。"},
			{ID: 4, Title: "臺灣同胞辦事指南", Body: "臺胞證辦理流程。"},
		}
		for i := range docs {
			docs[i].Kind, docs[i].Status, docs[i].CategoryID, docs[i].Category = "notice", "published", 1, "通知公告"
			docs[i].PublishedAt, docs[i].UpdatedAt = day(2026, 3, i+1), day(2026, 3, i+1)
		}
		if err := s.PutMany(ctx, docs); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			q    string
			want []int64
		}{
			{"政务公开", []int64{1, 2}},
			{"政務公開", []int64{1, 2}},
			{"政務公开", []int64{1, 2}}, // mixed
			{"公開", []int64{1, 2}},
			{"台湾", []int64{4}},
			{"臺灣", []int64{4}},
			{"单位", []int64{1}},
			{"民政", []int64{3}},
		} {
			r, err := s.Search(ctx, search.Params{Query: c.q})
			if err != nil {
				t.Fatal(err)
			}
			got := ids(r)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Errorf("%q: %v, want %v", c.q, got, c.want)
			}
		}
		r, _ := s.Search(ctx, search.Params{Query: "政务公开"})
		for _, h := range r.Hits {
			var marked []string
			for _, seg := range append(h.Title, h.Snippet...) {
				if seg.Hit {
					marked = append(marked, seg.Text)
				}
			}
			want := map[int64]string{1: "政務公開", 2: "政务公开"}[h.ID]
			if len(marked) != 2 || marked[0] != want || marked[1] != want {
				t.Errorf("notice %d highlights %q, want %q in title and text", h.ID, marked, want)
			}
		}
	}, search.Migrations)
}

// docsSource serves fixed documents as the notices the index follows.
type docsSource []search.Doc

func (d docsSource) SearchDoc(_ context.Context, id int64) (*search.Doc, error) {
	for _, doc := range d {
		if doc.ID == id {
			return &doc, nil
		}
	}
	return nil, nil
}

func (d docsSource) SearchDocs(_ context.Context, fn func(search.Doc) error) error {
	for _, doc := range d {
		if err := fn(doc); err != nil {
			return err
		}
	}
	return nil
}

// The upgrade that brings folding empties the index (its copy holds the
// old tokens, in which 政務 and 政务 differ), and the rebuild at the
// server's start indexes every notice again with the new ones.
func TestFoldUpgradeReindexes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := search.New(db, nil)
		ctx := context.Background()
		src := docsSource{{ID: 1, Kind: "notice", Status: "published", Title: "關於政務公開工作的通知", PublishedAt: day(2026, 3, 1), UpdatedAt: day(2026, 3, 1)}}
		if _, err := s.Rebuild(ctx, src); err != nil {
			t.Fatal(err)
		}
		upgrade, err := fs.ReadFile(search.Migrations.FS, string(db.Dialect())+"/0002_fold.sql")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(ctx, string(upgrade)); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.Count(ctx); n != 0 {
			t.Fatalf("%d documents left after the upgrade", n)
		}
		if n, err := s.Rebuild(ctx, src); err != nil || n != 1 {
			t.Fatalf("rebuild: %d %v", n, err)
		}
		if r, _ := s.Search(ctx, search.Params{Query: "政务公开"}); !slices.Equal(ids(r), []int64{1}) {
			t.Fatalf("after the rebuild: %v", ids(r))
		}
	}, search.Migrations)
}
