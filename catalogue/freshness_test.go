package catalogue_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/catalogue"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

type fakeActivity map[int64]time.Time

func (f fakeActivity) LastPublished(context.Context) (map[int64]time.Time, error) { return f, nil }
func (f fakeActivity) Uses(context.Context, int64) (int, error)                   { return 0, nil }

func TestFreshnessFlagsOverdueCategories(t *testing.T) {
	db := storetest.SQLite(t, audit.Migrations, catalogue.Migrations)
	start := time.Date(2026, 1, 5, 9, 0, 0, 0, shanghai)
	fake := clock.NewFake(start)
	s := newService(t, db, fake)
	news := byCode(t, s, "GZDT")  // every 2 weeks
	plans := byCode(t, s, "GHJH") // yearly
	s.SetActivity(fakeActivity{news.ID: start.AddDate(0, 0, 1)})
	fake.Set(start.AddDate(0, 0, 16)) // 15 days after the last news item
	tree, err := s.Tree(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	flags := map[string]bool{}
	var walk func([]*catalogue.Category)
	walk = func(cs []*catalogue.Category) {
		for _, c := range cs {
			flags[c.Code] = c.Overdue
			walk(c.Children)
		}
	}
	walk(tree)
	if !flags[news.Code] || flags[plans.Code] {
		t.Fatalf("overdue: news %v, plans %v", flags[news.Code], flags[plans.Code])
	}
}

// TestFreshnessCountsDescendants: a heading is up to date when any of its
// descendants is (R8, issue 22): 政策法规 with its 政策文件 published in
// today is not overdue, nor is 政策文件; 政策解读, its sibling, still is.
func TestFreshnessCountsDescendants(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		start := time.Date(2026, 1, 5, 9, 0, 0, 0, shanghai)
		fake := clock.NewFake(start)
		s := newService(t, db, fake)
		parent, files, interp := byCode(t, s, "ZCFG"), byCode(t, s, "ZCWJ"), byCode(t, s, "ZCJD")
		fake.Set(start.AddDate(1, 0, 0)) // every half-yearly category is overdue
		today := fake.Now().Add(-time.Hour)
		s.SetActivity(fakeActivity{files.ID: today})
		late, err := s.Overdue(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		flagged := map[string]bool{}
		for _, c := range late {
			flagged[c.Code] = true
		}
		if flagged[parent.Code] || flagged[files.Code] || !flagged[interp.Code] {
			t.Fatalf("overdue: %v", flagged)
		}
		tree, err := s.Tree(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range tree {
			if c.ID == parent.ID && (c.Overdue || c.LastPublishedAt == nil || !c.LastPublishedAt.Equal(today)) {
				t.Fatalf("the heading in the tree: overdue %v, last %v", c.Overdue, c.LastPublishedAt)
			}
		}
	}, audit.Migrations, catalogue.Migrations)
}

func TestIndexSequencesNeverRepeat(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var mu sync.Mutex
		seen := map[int]bool{}
		var wg sync.WaitGroup
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := db.Tx(ctx, func(tx *store.Tx) error {
					n, err := catalogue.NextSequence(ctx, tx, "ZCFG", 2026)
					mu.Lock()
					defer mu.Unlock()
					if seen[n] {
						t.Errorf("sequence %d handed out twice", n)
					}
					seen[n] = true
					return err
				})
				if err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if len(seen) != 8 || !seen[1] || !seen[8] {
			t.Fatalf("sequences %v", seen)
		}
		var other int
		_ = db.Tx(ctx, func(tx *store.Tx) error {
			var err error
			other, err = catalogue.NextSequence(ctx, tx, "ZCFG", 2027)
			return err
		})
		if other != 1 {
			t.Fatalf("a new year starts at %d", other)
		}
		if got := catalogue.IndexNumber("11110000000012345X", "ZCFG", 2026, 7); got != "11110000000012345X/ZCFG-2026-00007" {
			t.Fatal(got)
		}
		if got := catalogue.IndexNumber("", "TZGG", 2026, 123456); got != "TZGG-2026-123456" {
			t.Fatal(got)
		}
	}, audit.Migrations, catalogue.Migrations)
}
