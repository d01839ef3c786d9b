package server_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hallcast/hallcast/calendar"
	"github.com/hallcast/hallcast/server/servertest"
	"github.com/hallcast/hallcast/store"
	"github.com/hallcast/hallcast/store/storetest"
)

// official2027 is a complete 2027 list shaped like a State Council notice
// (for the test only; the real one is imported by admins): the statutory
// days, 春节 from 2-05 to 2-13 with Sunday 1-31 worked, 劳动节 1-5 May,
// 国庆 1-7 October with Saturday 10-09 worked.
func official2027(t *testing.T) calendar.Year {
	t.Helper()
	y := calendar.Year{Year: 2027}
	add := func(name, from, to string, off bool) {
		d, _ := calendar.ParseDate(from)
		end, _ := calendar.ParseDate(to)
		for ; !d.After(end); d = d.AddDays(1) {
			y.Days = append(y.Days, calendar.Day{Name: name, Date: d, IsOffDay: off})
		}
	}
	add("元旦", "2027-01-01", "2027-01-03", true)
	add("春节", "2027-01-31", "2027-01-31", false)
	add("春节", "2027-02-05", "2027-02-13", true)
	add("清明节", "2027-04-03", "2027-04-05", true)
	add("劳动节", "2027-05-01", "2027-05-05", true)
	add("端午节", "2027-06-09", "2027-06-09", true)
	add("中秋节", "2027-09-15", "2027-09-15", true)
	add("国庆节", "2027-10-01", "2027-10-07", true)
	add("国庆节", "2027-10-09", "2027-10-09", false)
	return y
}

type dueState struct {
	ID    int64 `json:"id"`
	State struct {
		Due         string `json:"due"`
		Provisional bool   `json:"provisional"`
	} `json:"state"`
}

// The check: a fresh server on 2026-12-15 with no 2027 list takes
// a kiosk request with a provisional due date, answers every admin
// disclosure route, refuses an incomplete 2027 list naming 春节, and
// recomputes (and audits) what the full list moves.
func TestNoListForNextYearRefusesNothing(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, d store.Dialect) {
		h := newHall(t, servertest.WithDialect(d))
		s := h.s
		zone := s.Cfg.TimeZone
		s.Clock.Set(time.Date(2026, 12, 15, 10, 0, 0, 0, zone))
		h.relogin(t)
		k := pairKiosk(t, s, "一楼自助终端")
		apply := func() (string, bool, string) {
			t.Helper()
			var rc struct {
				TrackingNo  string `json:"tracking_no"`
				Due         string `json:"due"`
				Provisional bool   `json:"provisional"`
			}
			res := k.do("POST", "/api/kiosk/disclosure", application("张三"))
			if res.Status != http.StatusCreated {
				t.Fatalf("kiosk request: %d %s", res.Status, res.Body)
			}
			res.JSON(t, &rc)
			return rc.Due, rc.Provisional, rc.TrackingNo
		}
		// 20 working days from 12-15 skip 元旦 2027 (statutory): 2027-01-13.
		if due, prov, _ := apply(); due != "2027-01-13" || !prov {
			t.Fatalf("request A: due %s provisional %v", due, prov)
		}
		metrics := func() string { return string(s.Client(t).Do("GET", "/metrics", nil).Body) }
		if m := metrics(); !strings.Contains(m, `hallcast_calendar_year_missing{year="2027"} 1`) {
			t.Fatalf("metric missing: %s", grepLines(m, "calendar"))
		}
		var st calendar.Status
		h.editor.Do("GET", "/api/admin/calendar/status", nil).JSON(t, &st)
		if !slices.Equal(st.Missing, []int{2027}) {
			t.Fatalf("status: %+v", st)
		}
		// A 公示 of 40 working days published today ends on 2027-02-16.
		n := h.create(t, h.editor, map[string]any{"title": "关于2027年春节期间低保金发放名单的公示", "body": "名单见附件。",
			"kind": "publicity", "category_id": h.categoryID(t, "TZGG"), "period": map[string]any{"n": 40, "unit": "workdays"}})
		post(t, h.editor, fmt.Sprintf("/api/admin/notices/%d/submit", n.Notice.ID), nil, http.StatusOK)
		post(t, h.reviewer, fmt.Sprintf("/api/admin/notices/%d/approve", n.Notice.ID), map[string]string{"reason": "经审查，同意公开"}, http.StatusOK)

		// The list is still missing in January: request B spans 春节.
		s.Clock.Set(time.Date(2027, 1, 20, 10, 0, 0, 0, zone))
		h.relogin(t)
		if due, prov, _ := apply(); due != "2027-02-23" || !prov {
			t.Fatalf("request B: due %s provisional %v", due, prov)
		}
		// Every admin disclosure route answers.
		var list struct {
			Requests []dueState `json:"requests"`
		}
		for _, path := range []string{"/api/admin/disclosure/requests", "/api/admin/disclosure/requests?all=1", "/api/admin/disclosure/summary",
			"/api/admin/kiosk/summary", "/api/admin/due"} {
			if res := h.editor.Do("GET", path, nil); res.Status != http.StatusOK {
				t.Fatalf("GET %s: %d %s", path, res.Status, res.Body)
			}
		}
		h.editor.Do("GET", "/api/admin/disclosure/requests", nil).JSON(t, &list)
		if len(list.Requests) != 2 {
			t.Fatalf("requests: %+v", list)
		}
		a, b := list.Requests[0], list.Requests[1] // most urgent first
		if res := h.editor.Do("GET", fmt.Sprintf("/api/admin/disclosure/requests/%d", b.ID), nil); res.Status != http.StatusOK {
			t.Fatalf("get: %d %s", res.Status, res.Body)
		}
		post(t, h.editor, fmt.Sprintf("/api/admin/disclosure/requests/%d/events", a.ID),
			map[string]any{"kind": "consult_started", "text": "征求第三方意见"}, http.StatusOK)

		// An incomplete list is refused, naming 春节.
		res := h.admin.Do("POST", "/api/admin/calendar/import", map[string]any{"year": 2027,
			"days": []map[string]any{{"name": "元旦", "date": "2027-01-01", "isOffDay": true}}})
		if code, field := res.ErrorCode(); res.Status != http.StatusBadRequest || code != "calendar_festival_missing" || field != "days" ||
			!strings.Contains(string(res.Body), "春节") {
			t.Fatalf("incomplete list: %d %s", res.Status, res.Body)
		}
		// The full list moves request B by a day (two more weekdays off,
		// one Sunday worked) and the 公示's end; request A stays.
		var imp struct {
			Moved []calendar.Moved `json:"moved"`
		}
		post(t, h.admin, "/api/admin/calendar/import", official2027(t), http.StatusOK).JSON(t, &imp)
		moved := map[string]string{}
		for _, m := range imp.Moved {
			moved[fmt.Sprintf("%s-%d", m.Kind, m.ID)] = m.Old.String() + ">" + m.New.String()
			if m.Provisional {
				t.Errorf("still provisional: %+v", m)
			}
		}
		want := map[string]string{fmt.Sprintf("disclosure_request-%d", b.ID): "2027-02-23>2027-02-24",
			fmt.Sprintf("notice-%d", n.Notice.ID): "2027-02-16>2027-02-17"}
		if fmt.Sprint(moved) != fmt.Sprint(want) {
			t.Fatalf("moved %v, want %v", moved, want)
		}
		h.editor.Do("GET", "/api/admin/disclosure/requests", nil).JSON(t, &list)
		for _, r := range list.Requests {
			if r.State.Provisional || (r.ID == b.ID && r.State.Due != "2027-02-24") {
				t.Errorf("after import: %+v", r)
			}
		}
		var log struct {
			Entries []struct {
				ObjectType string `json:"object_type"`
				ObjectID   string `json:"object_id"`
				Before     any    `json:"before"`
				After      any    `json:"after"`
			} `json:"entries"`
		}
		h.admin.Do("GET", "/api/admin/audit?action=calendar.recompute", nil).JSON(t, &log)
		var audited []string
		for _, e := range log.Entries {
			audited = append(audited, e.ObjectType+"-"+e.ObjectID+" "+fmt.Sprint(e.Before, e.After))
		}
		slices.Sort(audited)
		if len(audited) != 2 || !strings.Contains(audited[0], "disclosure_request") || !strings.Contains(audited[0], "2027-02-24") ||
			!strings.Contains(audited[1], "notice") || !strings.Contains(audited[1], "2027-02-17") {
			t.Fatalf("audit: %v", audited)
		}
		if m := metrics(); strings.Contains(m, `year="2027"`) {
			t.Fatalf("metric after import: %s", grepLines(m, "calendar"))
		}
	})
}

// relogin logs the hall's users in again, after the clock moved past
// their sessions' lifetime.
func (h *hall) relogin(t *testing.T) {
	t.Helper()
	h.editor, h.reviewer, h.admin = h.s.Login(t, "ed", "ed-password-1"), h.s.Login(t, "rita", "rita-password-1"), h.s.Login(t, "root", "root-password-1")
}

func grepLines(s, substr string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, substr) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
