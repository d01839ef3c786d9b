package search_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 9, 0, 0, 0, time.UTC) }

// fixture is a small hand-written set of notices with known matches.
func fixture() []search.Doc {
	docs := []search.Doc{
		{ID: 1, CategoryID: 6, Category: "社会救助", Title: "关于2026年城乡低保标准调整的通知", IndexNo: "11440300MB2C00001X/2026-00001",
			Body: "经县人民政府同意，自2026年1月起调整城乡最低生活保障（低保）标准。低保对象按月领取。", PublishedAt: day(2026, 1, 5)},
		{ID: 2, CategoryID: 7, Category: "征地拆迁", Title: "石桥镇征地补偿安置方案公示", IndexNo: "11440300MB2C00002X/2025-00002",
			Body: "本次征地补偿安置方案涉及石桥镇三个村，征地补偿标准按照省政府批复执行。", PublishedAt: day(2025, 6, 1)},
		{ID: 3, CategoryID: 3, Category: "政策解读", Title: "小规模纳税人增值税减免政策解读", IndexNo: "11440300MB2C12345X/2024-00017",
			Body: "小规模纳税人月销售额10万元以下的，免征增值税。", PublishedAt: day(2024, 3, 1)},
		{ID: 4, CategoryID: 1, Category: "通知公告", Title: "关于依法诚信经营的倡议", IndexNo: "11440300MB2C00004X/2025-00004",
			Body: "各经营主体应当依法纳税。", PublishedAt: day(2025, 2, 1), Status: "expired"},
		{ID: 5, CategoryID: 1, Category: "通知公告", Title: "县民政局工作动态", IndexNo: "11440300MB2C00005X/2026-00005",
			Body: "民政局召开会议，部署低保、特困供养等工作。", PublishedAt: day(2026, 2, 1)},
		{ID: 6, CategoryID: 1, Category: "通知公告", Title: "征地和补偿的一般说明", IndexNo: "11440300MB2C00006X/2025-00006",
			Body: "征地是指国家征收集体土地；补偿另行规定。", PublishedAt: day(2025, 7, 1)},
		{ID: 7, CategoryID: 9, Category: "办事指南", Title: "ETC办理指南（2025版）", IndexNo: "11440300MB2C00007X/2025-00007",
			Body: "携带身份证和行驶证到窗口办理ETC。", PublishedAt: day(2025, 8, 1)},
	}
	for i := range 25 {
		docs = append(docs, search.Doc{ID: int64(100 + i), CategoryID: 1, Category: "通知公告",
			Title: fmt.Sprintf("第%d批人员名单公示", i+1), Body: "现将名单予以公示，公示期为7个工作日。", PublishedAt: day(2025, 1, 1+i)})
	}
	for i := range docs {
		if docs[i].Status == "" {
			docs[i].Status = "published"
		}
		docs[i].Kind = "notice"
		docs[i].UpdatedAt = docs[i].PublishedAt
	}
	return docs
}

func ids(r *search.Result) []int64 {
	out := []int64{}
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func open(t *testing.T, db *store.DB) *search.Service {
	s := search.New(db, nil)
	// In small batches, so that the index has segments to compact.
	docs := fixture()
	for i := 0; i < len(docs); i += 5 {
		if err := s.PutMany(context.Background(), docs[i:min(i+5, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSearchQueries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := open(t, db)
		ctx := context.Background()
		cases := []struct {
			q       string
			want    []int64 // in rank order when ordered is true
			ordered bool
		}{
			{"税", []int64{3, 4}, false},
			{"低保", []int64{1, 5}, true}, // the title match first
			{"征地", []int64{2, 6}, false},
			{"征地补偿安置", []int64{2}, false},
			{"征地补偿", []int64{2}, false}, // not 6, where the words are apart
			{"11440300MB2C12345X/2024-00017", []int64{3}, false},
			{"2024-00017", []int64{3}, false},
			{"etc办理", []int64{7}, false},
			{"ＥＴＣ", []int64{7}, false},
			{"2026年城乡低保", []int64{1}, false},
			{"2026年低保", []int64{}, false}, // the words are apart in notice 1
			{"低保 2026", []int64{1, 5}, false},
			{"没有的词", []int64{}, false},
		}
		for _, c := range cases {
			r, err := s.Search(ctx, search.Params{Query: c.q})
			if err != nil {
				t.Fatalf("%q: %v", c.q, err)
			}
			got := ids(r)
			if !c.ordered {
				slices.Sort(got)
			}
			if !slices.Equal(got, c.want) || r.Total != len(c.want) {
				t.Errorf("%q: got %v (total %d), want %v", c.q, got, r.Total, c.want)
			}
		}
	}, search.Migrations)
}

func TestSearchNeverFailsOnSyntax(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := open(t, db)
		for _, q := range []string{`"低保`, `低保"`, `低保 AND`, `AND`, `OR 低保`, `NEAR(低保 征地)`, `NEAR`, `*`, `低保*`, `-低保`, `(低保`, `低保)`,
			`^低保`, `title:低保`, `'`, `\`, `''低保''`, `{低保}`, `低保 NOT 征地`, `:*`, `!低保`, `&|`, strings.Repeat("低保 ", 100), ""} {
			r, err := s.Search(context.Background(), search.Params{Query: q})
			if err != nil {
				t.Errorf("%q: %v", q, err)
				continue
			}
			// Operator words are searched as words like any other;
			// punctuation only separates words.
			literalWords := strings.ContainsAny(q, "ANDORETitle")
			if strings.Contains(q, "低保") && !literalWords && !slices.Contains(ids(r), 1) {
				t.Errorf("%q: literal search missed notice 1: %v", q, ids(r))
			}
		}
	}, search.Migrations)
}

func TestSearchHighlightsFiltersAndPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := open(t, db)
		ctx := context.Background()
		r, _ := s.Search(ctx, search.Params{Query: "低保"})
		h := r.Hits[0]
		var marked []string
		for _, seg := range append(h.Title, h.Snippet...) {
			if seg.Hit {
				marked = append(marked, seg.Text)
			}
		}
		if len(marked) < 2 || slices.ContainsFunc(marked, func(s string) bool { return s != "低保" }) {
			t.Errorf("highlights %q in %+v", marked, h)
		}
		if r, _ := s.Search(ctx, search.Params{Query: "低保", CategoryID: 6}); !slices.Equal(ids(r), []int64{1}) {
			t.Errorf("category filter: %v", ids(r))
		}
		if r, _ := s.Search(ctx, search.Params{Query: "征地", Year: 2025}); len(r.Hits) != 2 {
			t.Errorf("year filter 2025: %v", ids(r))
		}
		if r, _ := s.Search(ctx, search.Params{Query: "低保", Year: 2024}); len(r.Hits) != 0 {
			t.Errorf("year filter 2024: %v", ids(r))
		}
		// 25 equal notices: ranked by date, newest first, across pages.
		seen := map[int64]bool{}
		var prev time.Time
		for page := 1; page <= 3; page++ {
			r, err := s.Search(ctx, search.Params{Query: "名单公示", Page: page, PerPage: 10})
			if err != nil || r.Total != 25 {
				t.Fatalf("page %d: %v total %d", page, err, r.Total)
			}
			if want := []int{10, 10, 5}[page-1]; len(r.Hits) != want {
				t.Fatalf("page %d: %d hits", page, len(r.Hits))
			}
			for _, h := range r.Hits {
				if seen[h.ID] || (!prev.IsZero() && h.PublishedAt.After(prev)) {
					t.Fatalf("page %d: %d repeated or out of date order", page, h.ID)
				}
				seen[h.ID], prev = true, h.PublishedAt
			}
		}
		years, _ := s.Years(ctx)
		if !slices.Equal(years, []int{2026, 2025, 2024}) {
			t.Errorf("years %v", years)
		}
	}, search.Migrations)
}
