package feed_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hallcast/hallcast/audit"
	"github.com/hallcast/hallcast/auth"
	"github.com/hallcast/hallcast/clock"
	"github.com/hallcast/hallcast/feed"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// drafts records what the feed hands to the notices (the notices package
// implements Drafter for real; its tests cover the drafts themselves).
type drafts struct {
	mu   sync.Mutex
	list []feed.Draft
}

func (d *drafts) CreateFromFeed(ctx context.Context, dr feed.Draft) (int64, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.list = append(d.list, dr)
	return int64(len(d.list)), nil
}

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>区政府门户</title>
<item><guid>news-2</guid><title>关于开展冬季供暖检查的通知</title><link>https://gov.example/news/2</link>
<description>&lt;p&gt;各街道：&lt;b&gt;请于&lt;/b&gt;12月1日前完成。&lt;/p&gt;</description><pubDate>Mon, 23 Nov 2026 08:00:00 +0800</pubDate></item>
<item><guid>news-1</guid><title>低保资格复核公示</title><link>https://gov.example/news/1</link>
<description>公示期7个工作日。</description><pubDate>Fri, 20 Nov 2026 08:00:00 +0800</pubDate></item>
</channel></rss>`

func feedServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/good.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss)
	})
	mux.HandleFunc("/changed.xml", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, rss) }) // no ETag
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<?xml version=\"1.0\"?><rss><channel>"))
		chunk := []byte(strings.Repeat("x", 1<<20))
		for i := 0; i < 50; i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/malformed", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<rss><channel><item><title>unclosed") })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/json", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"version":"https://jsonfeed.org/version/1.1","title":"动态","items":[{"id":"j1","title":"办事大厅延时服务","content_html":"<p>周六上午照常办公</p>","url":"https://gov.example/j1"}]}`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func newService(t *testing.T, db *store.DB, d feed.Drafter) (*feed.Service, *clock.Fake) {
	fake := clock.NewFake(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	return feed.New(db, d, feed.Options{Clock: fake, Location: time.UTC, MaxBytes: 5 << 20, Timeout: 5 * time.Second}), fake
}

func add(t *testing.T, s *feed.Service, name, url string) *feed.Source {
	t.Helper()
	src, err := s.Create(context.Background(), audit.Actor{Name: "t"}, feed.Input{Name: name, URL: url, Spec: "*/5 * * * *", Kind: "动态", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestItemsBecomeDraftsOnceWithConditionalGET(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		srv := feedServer(t)
		d := &drafts{}
		s, _ := newService(t, db, d)
		ctx := context.Background()
		src := add(t, s, "门户", srv.URL+"/good.xml")
		out, err := s.Check(ctx, src)
		if err != nil || out.Created != 2 {
			t.Fatalf("first check: %+v %v", out, err)
		}
		if d.list[0].Title != "低保资格复核公示" || !strings.Contains(d.list[1].Body, "**请于**") || !strings.Contains(d.list[1].Body, "原文链接") {
			t.Fatalf("drafts: %+v", d.list)
		}
		src, _ = s.Get(ctx, src.ID)
		out, err = s.Check(ctx, src)
		if err != nil || !out.NotModified || out.Created != 0 {
			t.Fatalf("second check with ETag: %+v %v", out, err)
		}
		// A server without validators sends the same items again: still one draft each.
		src2 := add(t, s, "门户无ETag", srv.URL+"/changed.xml")
		s.Check(ctx, src2)
		src2, _ = s.Get(ctx, src2.ID)
		out, _ = s.Check(ctx, src2)
		if out.Created != 0 || len(d.list) != 4 {
			t.Fatalf("items seen twice became %d drafts in all (want 2 per source)", len(d.list))
		}
		src, _ = s.Get(ctx, src.ID)
		if src.ItemsCreated != 2 || src.LastError != "" || src.LastSuccessAt == nil {
			t.Fatalf("source after checks: %+v", src)
		}
	}, audit.Migrations, auth.Migrations, feed.Migrations)
}

func TestHostileFeedsRecordErrorsAndOthersStillRun(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		srv := feedServer(t)
		d := &drafts{}
		s, fake := newService(t, db, d)
		ctx := context.Background()
		bad := map[string]string{"500": "HTTP 500", "huge": "too large", "malformed": "not a valid", "loop": "redirect"}
		ids := map[string]int64{}
		for path := range bad {
			ids[path] = add(t, s, path, srv.URL+"/"+path).ID
		}
		add(t, s, "json", srv.URL+"/json")
		fake.Advance(5 * time.Minute)
		res, err := s.Poll(ctx, fake.Now())
		if err != nil {
			t.Fatal(err)
		}
		if len(d.list) != 1 || d.list[0].Title != "办事大厅延时服务" {
			t.Fatalf("the good JSON feed did not run: %s, %+v", res, d.list)
		}
		for path, want := range bad {
			src, _ := s.Get(ctx, ids[path])
			if !strings.Contains(src.LastError, want) || src.LastErrorAt == nil {
				t.Errorf("%s: last error %q, want %q", path, src.LastError, want)
			}
		}
		// Nothing is due again until each source's next activation.
		if due, _ := s.Due(ctx, fake.Now()); len(due) != 0 {
			t.Fatalf("%d sources due right after a poll", len(due))
		}
	}, audit.Migrations, auth.Migrations, feed.Migrations)
}

func TestBadSourceInputNamesTheField(t *testing.T) {
	db := storetest.SQLite(t, audit.Migrations, auth.Migrations, feed.Migrations)
	s, _ := newService(t, db, &drafts{})
	cases := map[string]feed.Input{
		"name": {Name: "", URL: "https://x", Spec: "@hourly"},
		"url":  {Name: "x", URL: "ftp://x", Spec: "@hourly"},
		"spec": {Name: "x", URL: "https://x", Spec: "every day"},
	}
	for field, in := range cases {
		_, err := s.Create(context.Background(), audit.Actor{Name: "t"}, in)
		if err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("%s: %v", field, err)
		}
	}
}

// A trusted source keeps its trust while only its name, schedule or state
// change, and loses it, audited, when its URL, category or kind changes,
// even when the form sends trusted again: the next item is a draft for
// review, not published in the name of the admin who trusted the old
// source (issue 15, point 7). Trusting it again is a request of its own.
func TestTrustIsDroppedWhenWhatTheSourceBringsChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		srv := feedServer(t)
		d := &drafts{}
		s, _ := newService(t, db, d)
		ctx := context.Background()
		user := func(name string) audit.Actor {
			var id int64
			if err := db.Tx(ctx, func(tx *store.Tx) error {
				return tx.Get(ctx, &id, `INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at)
				VALUES (?, ?, 'admin', 'x', ?, ?) RETURNING id`, name, name, time.Now(), time.Now())
			}); err != nil {
				t.Fatal(err)
			}
			return audit.Actor{ID: id, Name: name}
		}
		adminA, adminB := user("admin-a"), user("admin-b")
		cat1, cat2 := int64(1), int64(2)
		in := feed.Input{Name: "区门户", URL: srv.URL + "/good.xml", Spec: "@hourly", CategoryID: &cat1, Kind: "news", Trusted: true, Enabled: true}
		src, err := s.Create(ctx, adminA, in)
		if err != nil || !src.Trusted || src.TrustedBy == nil || *src.TrustedBy != adminA.ID {
			t.Fatalf("trusted by A: %+v %v", src, err)
		}
		update := func(who audit.Actor, change func(in *feed.Input)) *feed.Source {
			t.Helper()
			change(&in)
			src, err := s.Update(ctx, who, src.ID, in)
			if err != nil {
				t.Fatal(err)
			}
			return src
		}
		trustedByA := func(what string, src *feed.Source, want bool) {
			t.Helper()
			if got := src.Trusted && src.TrustedBy != nil && *src.TrustedBy == adminA.ID; got != want {
				t.Fatalf("%s: trusted %v by %v, want trusted by A: %v", what, src.Trusted, src.TrustedBy, want)
			}
		}
		trustedByA("name, schedule and state changed by B",
			update(adminB, func(in *feed.Input) { in.Name, in.Spec, in.Enabled = "区政府门户", "*/30 * * * *", false }), true)

		for _, c := range []struct {
			what   string
			change func(in *feed.Input)
		}{
			{"url", func(in *feed.Input) { in.URL = srv.URL + "/json" }},
			{"category_id", func(in *feed.Input) { in.CategoryID = &cat2 }},
			{"kind", func(in *feed.Input) { in.Kind = "policy" }},
		} {
			after := update(adminB, c.change) // the form still sends trusted: true
			if after.Trusted || after.TrustedBy != nil {
				t.Fatalf("%s changed by B: still trusted by %v", c.what, *after.TrustedBy)
			}
			rows, err := audit.List(ctx, db, audit.Filter{Action: "feed.untrust", ObjectID: itoa(src.ID), Limit: 1})
			if err != nil || len(rows) != 1 || rows[0].ActorName != "admin-b" || !strings.Contains(string(rows[0].After), `"`+c.what+`"`) {
				t.Fatalf("%s: untrust audit %+v %v", c.what, rows, err)
			}
			if c.what == "url" {
				n := len(d.list)
				if _, err := s.Check(ctx, after); err != nil {
					t.Fatal(err)
				}
				if len(d.list) != n+1 || d.list[n].Trusted || d.list[n].TrustedBy != nil {
					t.Fatalf("the item from the new URL: %+v", d.list[n:])
				}
			}
			// Trusting again is B's own act, in B's name.
			in.Trusted = false
			update(adminB, func(in *feed.Input) {})
			again := update(adminB, func(in *feed.Input) { in.Trusted = true })
			if !again.Trusted || again.TrustedBy == nil || *again.TrustedBy != adminB.ID {
				t.Fatalf("trusted again by B: %+v", again)
			}
		}
	}, audit.Migrations, auth.Migrations, feed.Migrations)
}

func itoa(n int64) string { return fmt.Sprint(n) }
