package server_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// A kiosk searching 政务公开 finds notices written 政務公開 and the other
// way round, on both databases, with the hit marked as it is written.
func TestKioskSearchFoldsTraditionalAndSimplified(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		p := newPublisher(t, s)
		cat := p.category("SHJZ")
		trad := p.publish(map[string]any{"title": "關於做好政務公開工作的通知", "kind": "announcement", "category_id": cat,
			"body": "各單位要把政務公開納入日常工作，按時更新公開目錄。"})
		simp := p.publish(map[string]any{"title": "政务公开目录更新说明", "kind": "announcement", "category_id": cat,
			"body": "本县政务公开目录已更新。"})
		p.publish(map[string]any{"title": "县民政局工作动态", "kind": "announcement", "category_id": cat, "body": "民政局召开会议。"})
		waitIndexed(t, s, 3)
		k := pairKiosk(t, s, "一楼自助机")
		for _, q := range []string{"政务公开", "政務公開", "公開目录"} {
			var r struct {
				Total int
				Hits  []struct {
					ID    int64
					Title []struct {
						T string
						H bool
					}
				}
			}
			res := k.do("GET", "/api/kiosk/search?q="+url.QueryEscape(q), nil)
			if res.Status != http.StatusOK {
				t.Fatalf("%s: %d %s", q, res.Status, res.Body)
			}
			res.JSON(t, &r)
			var got []int64
			for _, h := range r.Hits {
				got = append(got, h.ID)
				if h.ID != trad {
					continue
				}
				var marked []string
				for _, seg := range h.Title {
					if seg.H {
						marked = append(marked, seg.T)
					}
				}
				if q != "公開目录" && !slices.Equal(marked, []string{"政務公開"}) {
					t.Errorf("%s: the traditional title is marked %q", q, marked)
				}
			}
			slices.Sort(got)
			if want := []int64{min(trad, simp), max(trad, simp)}; !slices.Equal(got, want) || r.Total != 2 {
				t.Errorf("%s: found %v (total %d), want %v", q, got, r.Total, want)
			}
		}
	})
}
