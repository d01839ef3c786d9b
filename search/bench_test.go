package search_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/hallcast/hallcast/search"
	"github.com/hallcast/hallcast/search/searchtest"
	"github.com/hallcast/hallcast/store"
)

// The search benchmark: HALLCAST_BENCH_DOCS generated notices (default
// 100000), kept between runs in $TMPDIR (SQLite) and in a schema of the
// test PostgreSQL (dropped with HALLCAST_BENCH_FRESH=1). Each query class
// reports p50 and p99 latencies of Service.Search (first page, with the
// count). Results and the command go in docs/benchmarks.md.

var benchClasses = []struct {
	name    string
	queries []string
}{
	{"two-char", []string{"低保", "征地", "医保", "补贴", "救助", "养老", "就业", "招聘", "纳税", "危房", "津贴", "采购"}},
	{"phrase", []string{"最低生活保障", "征地补偿标准", "小规模纳税人", "城乡居民医疗保险", "公共租赁住房", "高校毕业生就业", "残疾人两项补贴", "政府信息公开条例"}},
	{"one-char", []string{"税", "医", "房", "粮"}},
	{"mixed", []string{"2024年", "2023年低保", "etc"}},
	{"common-two-char", []string{"公示", "工作"}},
}

func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("HALLCAST_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 100000
}

func benchDB(b *testing.B, d store.Dialect, n int) *store.DB {
	ctx := context.Background()
	var o store.Options
	if d == store.SQLite {
		o.SQLitePath = filepath.Join(os.TempDir(), fmt.Sprintf("hallcast-search-bench-%d.db", n))
		if os.Getenv("HALLCAST_BENCH_FRESH") == "1" {
			os.Remove(o.SQLitePath)
		}
	} else {
		base := os.Getenv("HALLCAST_TEST_POSTGRES_URL")
		if base == "" {
			base = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
		}
		schema := fmt.Sprintf("bench_search_%d", n)
		admin, err := sqlx.Open("pgx", base)
		if err != nil || admin.Ping() != nil {
			b.Skipf("PostgreSQL unreachable at %s", base)
		}
		if os.Getenv("HALLCAST_BENCH_FRESH") == "1" {
			admin.Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE")
		}
		admin.Exec("CREATE SCHEMA IF NOT EXISTS " + schema)
		admin.Close()
		u, _ := url.Parse(base)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		o.URL, o.BusChannel = u.String(), "bench_"+schema
	}
	db, err := store.Open(ctx, o)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx, search.Migrations); err != nil {
		b.Fatal(err)
	}
	return db
}

func benchCorpus(b *testing.B, d store.Dialect) *search.Service {
	n := benchDocs()
	db := benchDB(b, d, n)
	s := search.New(db, nil)
	ctx := context.Background()
	have, err := s.Count(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if have != n {
		start := time.Now()
		g := searchtest.New(42)
		batch := make([]search.Doc, 0, 1000)
		for id := int64(1); id <= int64(n); id++ {
			batch = append(batch, g.Doc(id))
			if len(batch) == cap(batch) || id == int64(n) {
				if err := s.PutMany(ctx, batch); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
		b.Logf("%s: indexed %d notices in %s", d, n, time.Since(start).Round(time.Second))
		if d == store.Postgres {
			db.Exec(ctx, "VACUUM ANALYZE search_docs")
		}
	}
	if d == store.SQLite {
		start := time.Now()
		steps, err := s.Compact(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("sqlite: compacted the index in %d steps, %s", steps, time.Since(start).Round(time.Millisecond))
	}
	return s
}

func BenchmarkSearch(b *testing.B) {
	for _, d := range []store.Dialect{store.SQLite, store.Postgres} {
		b.Run(string(d), func(b *testing.B) {
			s := benchCorpus(b, d)
			ctx := context.Background()
			for _, c := range benchClasses {
				b.Run(c.name, func(b *testing.B) {
					// Warm the caches once per query.
					for _, q := range c.queries {
						if _, err := s.Search(ctx, search.Params{Query: q}); err != nil {
							b.Fatal(err)
						}
					}
					lat := make([]time.Duration, 0, b.N)
					hits := 0
					b.ResetTimer()
					for i := 0; i < b.N; i++ {
						t0 := time.Now()
						r, err := s.Search(ctx, search.Params{Query: c.queries[i%len(c.queries)]})
						lat = append(lat, time.Since(t0))
						if err != nil {
							b.Fatal(err)
						}
						hits += r.Total
					}
					b.StopTimer()
					slices.Sort(lat)
					pct := func(p float64) float64 {
						return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
					}
					b.ReportMetric(pct(0.50), "p50-ms")
					b.ReportMetric(pct(0.99), "p99-ms")
					b.ReportMetric(float64(hits)/float64(b.N), "matches/op")
				})
			}
		})
	}
}
