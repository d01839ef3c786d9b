package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

func TestKioskAPIOverHTTP(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		s := servertest.Start(t, servertest.WithDialect(d))
		sm := sampleContent(t, s)
		k := pairKiosk(t, s, "一楼自助机")

		// Browse: categories, a list, a notice with its 公示 end and working
		// days left (published today for the category's 7 working days).
		if res := k.do("GET", "/api/kiosk/categories", nil); res.Status != http.StatusOK || !strings.Contains(string(res.Body), "社会救助") {
			t.Fatalf("categories: %d %s", res.Status, res.Body)
		}
		var n struct {
			Title           string
			NoticeEnd       string `json:"notice_end"`
			WorkdaysLeft    int    `json:"workdays_left"`
			Attachments     []struct{ Name, URL string }
			Interpretations []struct{ Title string }
		}
		k.do("GET", "/api/kiosk/notices/"+itoa(sm.lowbao), nil).JSON(t, &n)
		if end := periodEnd(t, s, today(s), 7, calendar.UnitWorkdays); n.NoticeEnd != end.String() || n.WorkdaysLeft != 7 || len(n.Attachments) != 1 {
			t.Fatalf("notice: %+v", n)
		}
		if res := k.c.Do("GET", n.Attachments[0].URL, nil); res.Status != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
			t.Fatalf("attachment %s: %d", n.Attachments[0].URL, res.Status)
		}
		k.do("GET", "/api/kiosk/notices/"+itoa(sm.policy), nil).JSON(t, &n)
		if len(n.Interpretations) != 1 || n.Interpretations[0].Title != "一图读懂：城乡低保认定新规" {
			t.Fatalf("policy links: %+v", n)
		}
		var g struct {
			Fields []struct{ Label, Value string }
		}
		k.do("GET", "/api/kiosk/notices/"+itoa(sm.guide), nil).JSON(t, &g)
		if len(g.Fields) < 5 || g.Fields[2].Label != "申请材料" {
			t.Fatalf("guide fields: %+v", g)
		}
		var guides struct{ Total int }
		k.do("GET", "/api/kiosk/notices?kind=guide", nil).JSON(t, &guides)
		if guides.Total != 1 {
			t.Fatalf("guides: %+v", guides)
		}
		if res := k.do("GET", "/api/kiosk/notices/999", nil); res.Status != http.StatusNotFound {
			t.Fatalf("missing notice: %d", res.Status)
		}
		// Search, with a query that is nonsense to FTS5.
		var sr struct {
			Total int
			Hits  []struct{ ID int64 }
		}
		k.do("GET", "/api/kiosk/search?q="+urlq("低保"), nil).JSON(t, &sr)
		// Title matches first, newest first (all were published today):
		// the guide has 低保 in its text only.
		if sr.Total != 4 || sr.Hits[0].ID != sm.policy || sr.Hits[3].ID != sm.guide {
			t.Fatalf("search 低保: %+v", sr)
		}
		if res := k.do("GET", "/api/kiosk/search?q="+urlq(`"低保 AND (NEAR*`), nil); res.Status != http.StatusOK {
			t.Fatalf("syntax: %d %s", res.Status, res.Body)
		}

		// Ratings need a session and are one per session.
		if res := k.do("POST", "/api/kiosk/ratings", map[string]any{"level": 5}); res.Status != http.StatusBadRequest {
			t.Fatalf("rating without a session: %d %s", res.Status, res.Body)
		}
		k.startSession()
		if res := k.do("POST", "/api/kiosk/ratings", map[string]any{"level": 2, "service": "税务", "tags": []string{"等候时间长"}}); res.Status != http.StatusCreated ||
			!strings.Contains(string(res.Body), "followup_due") {
			t.Fatalf("rating: %d %s", res.Status, res.Body)
		}
		if res := k.do("POST", "/api/kiosk/ratings", map[string]any{"level": 5}); res.Status != http.StatusConflict {
			t.Fatalf("second rating: %d %s", res.Status, res.Body)
		}
		old := k.session
		k.startSession()
		k.session = old // an ended session cannot rate
		if res := k.do("POST", "/api/kiosk/ratings", map[string]any{"level": 5}); res.Status != http.StatusConflict {
			t.Fatalf("rating in an ended session: %d %s", res.Status, res.Body)
		}

		// A suggestion and its lookup; the phone never comes back whole.
		var rc struct {
			TrackingNo  string `json:"tracking_no"`
			PhoneMasked string `json:"phone_masked"`
		}
		res := k.do("POST", "/api/kiosk/suggestions", map[string]any{"category": "suggestion", "body": "希望增加周末服务", "phone": "13800138000"})
		res.JSON(t, &rc)
		if res.Status != http.StatusCreated || rc.PhoneMasked != "138****8000" || strings.Contains(string(res.Body), "13800138000") {
			t.Fatalf("suggestion: %d %s", res.Status, res.Body)
		}
		good := k.do("POST", "/api/kiosk/suggestions/lookup", map[string]string{"tracking_no": rc.TrackingNo, "key": "8000"})
		if good.Status != http.StatusOK || strings.Contains(string(good.Body), "希望增加") {
			t.Fatalf("lookup: %d %s", good.Status, good.Body)
		}
		wrongDigits := k.do("POST", "/api/kiosk/suggestions/lookup", map[string]string{"tracking_no": rc.TrackingNo, "key": "0000"})
		last := rc.TrackingNo[len(rc.TrackingNo)-1]
		other := rc.TrackingNo[:len(rc.TrackingNo)-1] + string('0'+(last-'0'+1)%10) // a number nobody was given
		wrongNumber := k.do("POST", "/api/kiosk/suggestions/lookup", map[string]string{"tracking_no": other, "key": "8000"})
		if wrongDigits.Status != http.StatusNotFound || string(wrongDigits.Body) != string(wrongNumber.Body) {
			t.Fatalf("wrong digits %d %s vs wrong number %d %s", wrongDigits.Status, wrongDigits.Body, wrongNumber.Status, wrongNumber.Body)
		}
		// A withdrawn notice leaves the kiosk and the index.
		s.User(t, "sample.root", "admin")
		root := s.Login(t, "sample.root", "sample.root-password-1")
		post(t, root, "/api/admin/notices/"+itoa(sm.zhengdi)+"/withdraw", map[string]string{"reason": "方案调整"}, http.StatusOK)
		waitIndexed(t, s, 4)
		if res := k.do("GET", "/api/kiosk/notices/"+itoa(sm.zhengdi), nil); res.Status != http.StatusNotFound {
			t.Fatalf("withdrawn notice: %d", res.Status)
		}
		// Size limit.
		big := map[string]any{"category": "suggestion", "body": strings.Repeat("长", 9000)}
		if res := k.do("POST", "/api/kiosk/suggestions", big); res.Status != http.StatusRequestEntityTooLarge {
			t.Fatalf("big body: %d", res.Status)
		}
	})
}

func TestKioskAPIRefusesCookiesAndOtherDevices(t *testing.T) {
	s := servertest.Start(t)
	s.User(t, "root", "admin")
	adminC := s.Login(t, "root", "root-password-1")
	// A logged-in admin's cookies are not a kiosk token.
	if res := adminC.Do("GET", "/api/kiosk/categories", nil); res.Status != http.StatusUnauthorized {
		t.Fatalf("cookie auth: %d", res.Status)
	}
	if res := adminC.Do("POST", "/api/kiosk/suggestions", map[string]string{"category": "suggestion", "body": "x"}); res.Status != http.StatusUnauthorized {
		t.Fatalf("cookie auth on POST: %d", res.Status)
	}
	// A screen's token is not a kiosk's.
	k := pairKiosk(t, s, "kiosk-a")
	if res := k.do("GET", "/api/kiosk/categories", nil); res.Status != http.StatusOK {
		t.Fatalf("kiosk token: %d", res.Status)
	}
}

func TestKioskLookupsAreRateLimited(t *testing.T) {
	s := servertest.Start(t)
	k := pairKiosk(t, s, "kiosk-b")
	var last *servertest.Response
	for i := 0; i < 30; i++ {
		last = k.do("POST", "/api/kiosk/disclosure/lookup", map[string]string{"tracking_no": "261123000001", "key": "1234"})
		if last.Status == http.StatusTooManyRequests {
			break
		}
		if last.Status != http.StatusNotFound {
			t.Fatalf("lookup %d: %d %s", i, last.Status, last.Body)
		}
	}
	if last.Status != http.StatusTooManyRequests || last.Header.Get("Retry-After") == "" {
		t.Fatalf("no 429 after 30 lookups: %d %v", last.Status, last.Header)
	}
}
