package server_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// TestKioskNoticeUpdatedAt: the kiosk's notice detail carries the same
// updated_at as its list (issue 22: the detail said 0001-01-01), on both
// databases, including a notice the search index took from a change event.
func TestKioskNoticeUpdatedAt(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		p := newPublisher(t, s)
		s.Clock.Advance(90 * time.Minute)
		want := s.Clock.Now().UTC().Truncate(time.Microsecond)
		id := p.publish(map[string]any{"title": "关于办理时间调整的通知", "kind": "notification", "category_id": p.category("TZGG"),
			"body": "自下周起，周六上午照常办理。"})
		waitIndexed(t, s, 1)
		k := pairKiosk(t, s, "一楼自助机")

		var detail struct {
			UpdatedAt time.Time `json:"updated_at"`
		}
		if res := k.do("GET", "/api/kiosk/notices/"+itoa(id), nil); res.Status != http.StatusOK {
			t.Fatalf("detail: %d %s", res.Status, res.Body)
		} else {
			res.JSON(t, &detail)
		}
		var list struct {
			Notices []struct {
				ID        int64     `json:"id"`
				UpdatedAt time.Time `json:"updated_at"`
			}
		}
		k.do("GET", "/api/kiosk/notices", nil).JSON(t, &list)
		if len(list.Notices) != 1 || list.Notices[0].ID != id {
			t.Fatalf("list: %+v", list)
		}
		if !detail.UpdatedAt.Equal(want) || !list.Notices[0].UpdatedAt.Equal(want) {
			t.Fatalf("updated_at: detail %v, list %v, want %v (the approval)", detail.UpdatedAt, list.Notices[0].UpdatedAt, want)
		}
	})
}
